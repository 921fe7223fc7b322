from django.urls import path

from . import views

app_name = "champions"

urlpatterns = [
    path("", views.prospect_list, name="prospect_list"),
    path("weights/", views.weights_edit, name="weights_edit"),
    path("criteria/add/", views.criterion_add, name="criterion_add"),
    path("add/", views.prospect_add, name="prospect_add"),
    path("<uuid:uid>/", views.prospect_detail, name="prospect_detail"),
    path("<uuid:uid>/scores/", views.scores_edit, name="scores_edit"),
    path("<uuid:uid>/stage/", views.stage_move, name="stage_move"),
    path("<uuid:uid>/contacts/", views.contact_add, name="contact_add"),
    path("<uuid:uid>/commit/", views.commit, name="commit"),
    path("<uuid:uid>/remove/", views.prospect_remove, name="prospect_remove"),
]
