from django.urls import path

from . import edit_views, list_views, people_views, views

app_name = "directory"

urlpatterns = [
    path("", views.organisation_index, name="organisation_list"),
    path("add/", views.organisation_add, name="organisation_add"),
    path("engagements/", list_views.engagement_index, name="engagement_list"),
    path("people/", list_views.person_index, name="person_list"),
    path("<uuid:uid>/", views.organisation_detail, name="organisation_detail"),
    path("<uuid:uid>/history/", views.organisation_history, name="organisation_history"),
    path("<uuid:uid>/change/", edit_views.organisation_change, name="organisation_change"),
    path("<uuid:uid>/delete/", edit_views.organisation_delete, name="organisation_delete"),
    path(
        "<uuid:uid>/merge/",
        edit_views.organisation_merge_choose,
        name="organisation_merge_choose",
    ),
    path(
        "<uuid:uid>/merge/<uuid:other_uid>/",
        edit_views.organisation_merge,
        name="organisation_merge",
    ),
    path("<uuid:uid>/engagements/add/", views.engagement_add, name="engagement_add"),
    path("<uuid:uid>/people/add/", people_views.person_add, name="person_add"),
    path(
        "<uuid:uid>/people/<uuid:person_uid>/change/",
        people_views.person_change,
        name="person_change",
    ),
    path(
        "<uuid:uid>/people/<uuid:person_uid>/remove/",
        people_views.person_remove,
        name="person_remove",
    ),
]
