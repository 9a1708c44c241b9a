"""The readiness page of a product in the supplier dashboard, under /<lang>/dashboard/."""

from django.urls import path

from . import views

app_name = "readiness"

urlpatterns = [
    path("<int:company_id>/products/<int:pk>/readiness/", views.product_readiness, name="product"),
]
