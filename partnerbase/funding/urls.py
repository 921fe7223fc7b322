from django.urls import path

from . import list_views, rate_views, views

app_name = "funding"

urlpatterns = [
    path("", views.ledger, name="ledger"),
    path("rates/", rate_views.rates, name="rates"),
    path("rates/add/", rate_views.rate_add, name="rate_add"),
    path("rates/upload/", rate_views.rates_upload, name="rates_upload"),
    path("rates/<uuid:uid>/", rate_views.rate_edit, name="rate_edit"),
    path("disbursements/", list_views.disbursement_index, name="disbursement_list"),
    path("awards/add/", views.award_add, name="award_add"),
    path("awards/<uuid:uid>/", views.award_detail, name="award_detail"),
    path("awards/<uuid:uid>/history/", views.award_history, name="award_history"),
    path("awards/<uuid:uid>/disbursements/add/", views.disbursement_add, name="disbursement_add"),
    path("awards/<uuid:uid>/repayments/add/", views.repayment_add, name="repayment_add"),
]
