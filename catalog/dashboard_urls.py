from django.urls import path

from . import dashboard_order_views as order_views
from . import dashboard_views as views

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
    path("<int:company_id>/orders/", order_views.order_list, name="orders"),
    path("<int:company_id>/orders/<int:pk>/", order_views.order_detail, name="order_detail"),
    path("<int:company_id>/orders/<int:pk>/ship/", order_views.order_ship, name="order_ship"),
    path("<int:company_id>/orders/<int:pk>/deliver/", order_views.order_deliver, name="order_deliver"),
]
