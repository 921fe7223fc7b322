from django.urls import path

from . import views, views_edit

app_name = "calls"

urlpatterns = [
    path("", views.call_index, name="call_list"),
    path("add/", views.call_add, name="call_add"),
    path("my-applications/", views.my_applications, name="my_applications"),
    path("<slug:call_slug>/", views.call_detail, name="call_detail"),
    path("<slug:call_slug>/change/", views_edit.call_change, name="call_change"),
    path("<slug:call_slug>/close/", views_edit.call_close, name="call_close"),
    path("<slug:call_slug>/delete/", views_edit.call_delete, name="call_delete"),
    path("<slug:call_slug>/questions/add/", views.question_add, name="question_add"),
    path("<slug:call_slug>/questions/<uuid:uid>/", views.question_edit, name="question_edit"),
    path(
        "<slug:call_slug>/questions/<uuid:uid>/move/",
        views_edit.question_move,
        name="question_move",
    ),
    path(
        "<slug:call_slug>/questions/<uuid:uid>/remove/",
        views_edit.question_remove,
        name="question_remove",
    ),
    path("<slug:call_slug>/rules/add/", views.rule_add, name="rule_add"),
    path("<slug:call_slug>/rules/<uuid:uid>/", views_edit.rule_change, name="rule_change"),
    path("<slug:call_slug>/rules/<uuid:uid>/move/", views_edit.rule_move, name="rule_move"),
    path("<slug:call_slug>/rules/<uuid:uid>/remove/", views.rule_remove, name="rule_remove"),
    path("<slug:call_slug>/applications/", views.application_index, name="application_list"),
    path(
        "<slug:call_slug>/applications/<uuid:uid>/",
        views.application_detail,
        name="application_detail",
    ),
    path(
        "<slug:call_slug>/applications/<uuid:uid>/files/<uuid:question_uid>/",
        views.answer_download,
        name="answer_download",
    ),
]
