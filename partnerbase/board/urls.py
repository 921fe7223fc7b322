from django.urls import path

from . import views

app_name = "board"

urlpatterns = [
    path("", views.board_home, name="home"),
    path("champions/appoint/", views.champion_appoint, name="champion_appoint"),
    path("champions/<uuid:uid>/end-term/", views.champion_end_term, name="champion_end_term"),
    path("champions/<uuid:uid>/role/", views.champion_role, name="champion_role"),
    path("meetings/add/", views.meeting_add, name="meeting_add"),
    path("meetings/<uuid:uid>/", views.meeting_detail, name="meeting_detail"),
    path("meetings/<uuid:uid>/edit/", views.meeting_edit, name="meeting_edit"),
    path("meetings/<uuid:uid>/papers/add/", views.paper_add, name="paper_add"),
    path("meetings/<uuid:uid>/decisions/add/", views.decision_add, name="decision_add"),
    path("meetings/<uuid:uid>/actions/add/", views.action_add, name="action_add"),
    path("papers/<uuid:uid>/", views.paper_download, name="paper_download"),
    path("actions/<uuid:uid>/done/", views.action_done, name="action_done"),
    path("decisions/<uuid:uid>/edit/", views.decision_edit, name="decision_edit"),
    path("actions/<uuid:uid>/edit/", views.action_edit, name="action_edit"),
]
