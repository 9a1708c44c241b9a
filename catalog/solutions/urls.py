from django.urls import path

from . import views

app_name = "solutions"

urlpatterns = [
    path("", views.my_requests, name="my_requests"),
    path("new/<int:page_id>/", views.consultation_request_create, name="request_create"),
    path("<int:pk>/rate/", views.provider_rate, name="provider_rate"),
]
