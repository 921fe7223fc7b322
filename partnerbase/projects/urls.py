from django.urls import path

from .views import competitions, projects

app_name = "projects"

urlpatterns = [
    path("", projects.project_index, name="project_list"),
    path("add/", projects.project_add, name="project_add"),
    path("<uuid:uid>/", projects.project_detail, name="project_detail"),
    path("<uuid:uid>/history/", projects.project_history, name="project_history"),
    path("<uuid:uid>/coalition/add/", projects.coalition_add, name="coalition_add"),
    path("<uuid:uid>/status/", projects.status_change, name="status_change"),
    path("<uuid:uid>/publish/", projects.project_publish, name="project_publish"),
    path("<uuid:uid>/indicators/add/", projects.indicator_add, name="indicator_add"),
    path("<uuid:uid>/observations/add/", projects.observation_add, name="observation_add"),
    path("competitions/", competitions.competition_index, name="competition_list"),
    path("competitions/add/", competitions.competition_add, name="competition_add"),
    path("competitions/<uuid:uid>/", competitions.competition_detail, name="competition_detail"),
    path("competitions/<uuid:uid>/stages/add/", competitions.stage_add, name="stage_add"),
    path(
        "competitions/<uuid:uid>/publish/",
        competitions.competition_publish,
        name="competition_publish",
    ),
    path("competitions/<uuid:uid>/rubric/add/", competitions.criterion_add, name="criterion_add"),
    path("competitions/<uuid:uid>/enter/", competitions.entry_add, name="entry_add"),
    path("competitions/<uuid:uid>/judges/add/", competitions.judge_add, name="judge_add"),
    path(
        "competitions/<uuid:uid>/judging/<uuid:assignment_uid>/",
        competitions.score,
        name="score",
    ),
    path(
        "competitions/<uuid:uid>/entries/<uuid:entry_uid>/award/",
        competitions.award_add,
        name="award_add",
    ),
]
