"""The supplier dashboard under /<lang>/dashboard/: products, images, certificates, import (members only)."""

from django.urls import path

from .views import dashboard as views

app_name = "dashboard"

urlpatterns = [
    path("", views.dashboard_index, name="index"),
    path("<int:company_id>/products/", views.product_list, name="products"),
    path("<int:company_id>/products/new/", views.product_create, name="product_create"),
    path("<int:company_id>/products/<int:pk>/edit/", views.product_edit, name="product_edit"),
    path("<int:company_id>/products/<int:pk>/images/", views.product_images, name="product_images"),
    path(
        "<int:company_id>/products/<int:pk>/images/<int:position>/remove/",
        views.product_image_remove,
        name="product_image_remove",
    ),
    path("<int:company_id>/products/<int:pk>/submit/", views.product_submit, name="product_submit"),
    path("<int:company_id>/products/import/", views.product_import, name="product_import"),
    path("<int:company_id>/certificates/", views.certificate_list, name="certificates"),
    path("<int:company_id>/certificates/new/", views.certificate_edit, name="certificate_create"),
    path("<int:company_id>/certificates/<int:pk>/edit/", views.certificate_edit, name="certificate_edit"),
    path("<int:company_id>/certificates/<int:pk>/delete/", views.certificate_delete, name="certificate_delete"),
]
