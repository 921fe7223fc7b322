from django.urls import path

from . import offering, views

app_name = "pledges"

urlpatterns = [
    path("", views.ledger, name="ledger"),
    path("add/", views.pledge_add, name="add"),
    path("organisations/<uuid:org_uid>/", views.organisation_ledger, name="organisation"),
    path("<uuid:uid>/", views.pledge_detail, name="detail"),
    path("<uuid:uid>/history/", views.pledge_history, name="history"),
    path("<uuid:uid>/change/", views.pledge_edit, name="edit"),
    path("<uuid:uid>/deliveries/add/", views.delivery_add, name="delivery_add"),
    path("<uuid:uid>/confirm/", views.pledge_confirm, name="confirm"),
    path("<uuid:uid>/lapse/", views.pledge_lapse, name="lapse"),
    path("<uuid:uid>/offer/", offering.pledge_offer, name="offer"),
]
