"""Sample orders: the buyer's cart, checkout and order page under /<lang>/samples/, the supplier's orders
under /<lang>/dashboard/<company>/orders/."""

from django.urls import path

from .views import buyer, dashboard

app_name = "sample_orders"

urlpatterns = [
    path("samples/cart/", buyer.cart, name="cart"),
    path("samples/cart/add/<int:pk>/", buyer.cart_add, name="cart_add"),
    path("samples/cart/<int:pk>/", buyer.cart_update, name="cart_update"),
    path("samples/checkout/<int:company_id>/", buyer.checkout, name="checkout"),
    path("samples/orders/<str:token>/", buyer.order_detail, name="detail"),
    path("samples/orders/<str:token>/pay/", buyer.order_pay, name="pay"),
    path("dashboard/<int:company_id>/orders/", dashboard.order_list, name="supplier_orders"),
    path("dashboard/<int:company_id>/orders/<int:pk>/", dashboard.order_detail, name="supplier_order"),
    path("dashboard/<int:company_id>/orders/<int:pk>/ship/", dashboard.order_ship, name="supplier_order_ship"),
    path("dashboard/<int:company_id>/orders/<int:pk>/deliver/", dashboard.order_deliver, name="supplier_order_deliver"),
]
