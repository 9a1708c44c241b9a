from django.urls import path

from . import order_views as views

app_name = "sample_orders"

urlpatterns = [
    path("cart/", views.cart, name="cart"),
    path("cart/add/<int:pk>/", views.cart_add, name="cart_add"),
    path("cart/<int:pk>/", views.cart_update, name="cart_update"),
    path("checkout/<int:company_id>/", views.checkout, name="checkout"),
    path("orders/<str:token>/", views.order_detail, name="detail"),
    path("orders/<str:token>/pay/", views.order_pay, name="pay"),
]
