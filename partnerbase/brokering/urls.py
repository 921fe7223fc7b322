from django.urls import path

from .views import home, introductions, rounds, wants

app_name = "brokering"

urlpatterns = [
    path("", home.brokering_home, name="home"),
    path("needs/", wants.need_index, name="need_list"),
    path("needs/add/", wants.need_form, name="need_add"),
    path("needs/<uuid:uid>/", wants.need_form, name="need_edit"),
    path("offers/", wants.offer_index, name="offer_list"),
    path("offers/add/", wants.offer_form, name="offer_add"),
    path("offers/<uuid:uid>/", wants.offer_form, name="offer_edit"),
    path("rounds/add/", rounds.round_add, name="round_add"),
    path("rounds/<uuid:uid>/", rounds.round_detail, name="round_detail"),
    path("rounds/<uuid:uid>/progress/", rounds.round_progress, name="round_progress"),
    path("rounds/<uuid:uid>/run/", rounds.round_run, name="round_run"),
    path("rounds/<uuid:uid>/review/", rounds.round_review, name="round_review"),
    path("rounds/<uuid:uid>/send/", rounds.round_send, name="round_send"),
    path("rounds/<uuid:uid>/add/", rounds.introduction_add, name="introduction_add"),
    path("rounds/<uuid:uid>/innovators/", rounds.round_innovators, name="round_innovators"),
    path(
        "rounds/<uuid:uid>/introductions/<uuid:introduction_uid>/remove/",
        rounds.introduction_remove,
        name="introduction_remove",
    ),
    path("introductions/", introductions.my_introductions, name="my_introductions"),
    path(
        "introductions/<uuid:uid>/",
        introductions.introduction_respond,
        name="introduction_respond",
    ),
    path(
        "introductions/<uuid:uid>/record/",
        introductions.introduction_record,
        name="introduction_record",
    ),
    path("partnerships/", introductions.partnership_index, name="partnership_list"),
    path("partnerships/<uuid:uid>/", introductions.partnership_detail, name="partnership_detail"),
    path(
        "partnerships/<uuid:uid>/history/",
        introductions.partnership_history,
        name="partnership_history",
    ),
]
