"""The inquiry desk under /<lang>/inbox/: the suppliers' inbox and the buyers' links (confirm, reply)."""

from django.urls import path

from . import views as inquiry_views

app_name = "inquiries"

urlpatterns = [
    path("", inquiry_views.inbox, name="inbox"),
    path("<int:pk>/", inquiry_views.detail, name="detail"),
    path("confirm/<str:token>/", inquiry_views.confirm, name="confirm"),
    path("reply/<str:token>/", inquiry_views.buyer_thread, name="buyer_thread"),
]
