from django.urls import path

from . import views

app_name = "calls"

urlpatterns = [
    path("", views.call_index, name="call_list"),
    path("add/", views.call_add, name="call_add"),
    path("my-applications/", views.my_applications, name="my_applications"),
    path("<slug:call_slug>/", views.call_detail, name="call_detail"),
    path("<slug:call_slug>/questions/add/", views.question_add, name="question_add"),
    path("<slug:call_slug>/questions/<uuid:uid>/", views.question_edit, name="question_edit"),
    path("<slug:call_slug>/rules/add/", views.rule_add, name="rule_add"),
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
