from django.urls import path

from . import views

app_name = "assessment"

urlpatterns = [
    path("", views.index, name="index"),
    path("mine/", views.mine, name="mine"),
    path("assignments/<uuid:uid>/", views.score, name="score"),
    path("calls/<slug:call_slug>/rubric/", views.rubric, name="rubric"),
    path(
        "calls/<slug:call_slug>/rubric/criteria/<uuid:uid>/remove/",
        views.criterion_remove,
        name="criterion_remove",
    ),
    path("calls/<slug:call_slug>/assignments/", views.assignments, name="assignments"),
    path(
        "calls/<slug:call_slug>/assignments/automatic/",
        views.assignments_auto,
        name="assignments_auto",
    ),
    path(
        "calls/<slug:call_slug>/assignments/<uuid:uid>/remove/",
        views.assignment_remove,
        name="assignment_remove",
    ),
    path("calls/<slug:call_slug>/ranking/", views.ranking, name="ranking"),
    path(
        "calls/<slug:call_slug>/ranking/<uuid:application_uid>/note/",
        views.moderation_note,
        name="moderation_note",
    ),
]
