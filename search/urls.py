from django.urls import path

from . import views

app_name = "search"
urlpatterns = [
    path("", views.site_search_view, name="site"),
    path("products/", views.product_search_view, name="products"),
]
