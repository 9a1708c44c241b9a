"""Requests for quotation under /<lang>/rfq/: the buyer's form and links, the supplier's matched requests."""

from django.urls import path

from . import views

app_name = "sourcing"

urlpatterns = [
    path("new/", views.request_create, name="create"),
    path("mine/", views.my_requests, name="my_requests"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("r/<str:token>/", views.buyer_request, name="buyer_request"),
    path("r/<str:token>/close/", views.buyer_close, name="buyer_close"),
    path(
        "r/<str:token>/quotes/<int:quote_id>/<str:action>/",
        views.buyer_decide,
        name="buyer_decide",
    ),
    path("supplier/<int:company_id>/", views.supplier_requests, name="supplier_requests"),
    path("supplier/<int:company_id>/<int:pk>/", views.supplier_request, name="supplier_request"),
]
