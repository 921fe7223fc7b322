from django.urls import path

from .views import areas, votes

app_name = "challenges"

urlpatterns = [
    path("", areas.area_index, name="area_list"),
    path("areas/<slug:area_slug>/", areas.area_detail, name="area_detail"),
    path("proposals/", areas.proposal_index, name="proposal_list"),
    path("proposals/add/", areas.proposal_add, name="proposal_add"),
    path("votes/", votes.vote_index, name="vote_list"),
    path("votes/add/", votes.vote_add, name="vote_add"),
    path("votes/<uuid:uid>/", votes.vote_detail, name="vote_detail"),
    path("votes/<uuid:uid>/ballot/", votes.ballot, name="ballot"),
    path("votes/<uuid:uid>/ballot/record/", votes.ballot_record, name="ballot_record"),
    path("votes/<uuid:uid>/results/", votes.vote_results, name="vote_results"),
    path(
        "votes/<uuid:uid>/<str:action>/",
        votes.vote_action,
        name="vote_action",
    ),
]
