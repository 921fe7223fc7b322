from django.urls import path

from . import group_views, list_views, views

app_name = "workinggroups"

urlpatterns = [
    path("", views.group_index, name="group_list"),
    path("add/", group_views.group_create, name="group_create"),
    path("ideas/", list_views.idea_index, name="idea_list"),
    path("<uuid:uid>/", views.group_detail, name="group_detail"),
    path("<uuid:uid>/history/", views.group_history, name="group_history"),
    path("<uuid:uid>/edit/", group_views.group_edit, name="group_edit"),
    path("<uuid:uid>/archive/", group_views.group_archive, name="group_archive"),
    path("<uuid:uid>/unarchive/", group_views.group_unarchive, name="group_unarchive"),
    path("<uuid:uid>/remove/", group_views.group_remove, name="group_remove"),
    path("<uuid:uid>/members/add/", views.member_add, name="member_add"),
    path("<uuid:uid>/members/<uuid:member_uid>/leave/", views.member_leave, name="member_leave"),
    path("<uuid:uid>/members/<uuid:member_uid>/lead/", views.lead_set, name="lead_set"),
    path("<uuid:uid>/meetings/add/", views.meeting_add, name="meeting_add"),
    path("<uuid:uid>/ideas/add/", views.idea_add, name="idea_add"),
    path("<uuid:uid>/ideas/<uuid:idea_uid>/move/", views.idea_move, name="idea_move"),
]
