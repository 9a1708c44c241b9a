from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [
    path("", views.notice, name="notice"),
    path("my-data/", views.my_data, name="my_data"),
    path("my-data/copy/", views.export_request, name="export_request"),
    path("my-data/erase/", views.erasure_request, name="erasure_request"),
    path("download/<str:token>/", views.download, name="download"),
    path("ask/", views.guest_request, name="guest_request"),
    path("ask/confirm/<str:token>/", views.guest_confirm, name="guest_confirm"),
]
