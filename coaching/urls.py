from django.urls import path

from . import views

app_name = "coaching"

urlpatterns = [
    path("", views.my_applications, name="my_applications"),
    path("start/<int:program_id>/", views.start, name="start"),
    path("documents/<int:document_pk>/", views.document_download, name="document_download"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/company/", views.company_step, name="company"),
    path("<int:pk>/questions/<int:number>/", views.section_step, name="section"),
    path("<int:pk>/documents/", views.documents_step, name="documents"),
    path("<int:pk>/documents/<int:document_pk>/delete/", views.document_delete, name="document_delete"),
    path("<int:pk>/declaration/", views.declaration_step, name="declaration"),
    path("<int:pk>/check/", views.check_answers, name="check"),
    path("<int:pk>/submitted/", views.submitted, name="submitted"),
    path("<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("<int:pk>/fee/", views.pay_fee, name="pay_fee"),
    path("<int:pk>/milestones/<int:milestone_pk>/confirm/", views.milestone_confirm, name="milestone_confirm"),
]
