from django.urls import path

from . import views

app_name = "funding"

urlpatterns = [
    path("", views.ledger, name="ledger"),
    path("rates/", views.rates, name="rates"),
    path("awards/add/", views.award_add, name="award_add"),
    path("awards/<uuid:uid>/", views.award_detail, name="award_detail"),
    path("awards/<uuid:uid>/disbursements/add/", views.disbursement_add, name="disbursement_add"),
    path("awards/<uuid:uid>/repayments/add/", views.repayment_add, name="repayment_add"),
]
