from django.urls import path

from . import views

app_name = "companies"

urlpatterns = [
    path("", views.my_company, name="my_company"),
    path("register/", views.company_register, name="register"),
    path("<int:pk>/", views.company_detail, name="detail"),
    path("<int:pk>/edit/", views.company_edit, name="edit"),
    path("<int:pk>/invitations/", views.invitation_create, name="invitation_create"),
    path("<int:pk>/invitations/<int:invitation_pk>/revoke/", views.invitation_revoke, name="invitation_revoke"),
    path("<int:pk>/members/<int:membership_pk>/remove/", views.membership_remove, name="membership_remove"),
    path("invitations/<str:token>/", views.invitation_accept, name="invitation_accept"),
]
