from django.urls import path

from . import views

app_name = "workinggroups"

urlpatterns = [
    path("", views.group_index, name="group_list"),
    path("<uuid:uid>/", views.group_detail, name="group_detail"),
    path("<uuid:uid>/members/add/", views.member_add, name="member_add"),
    path("<uuid:uid>/members/<uuid:member_uid>/leave/", views.member_leave, name="member_leave"),
    path("<uuid:uid>/members/<uuid:member_uid>/lead/", views.lead_set, name="lead_set"),
    path("<uuid:uid>/meetings/add/", views.meeting_add, name="meeting_add"),
    path("<uuid:uid>/ideas/add/", views.idea_add, name="idea_add"),
    path("<uuid:uid>/ideas/<uuid:idea_uid>/move/", views.idea_move, name="idea_move"),
]
