from django.urls import path

from . import list_views, views

app_name = "outcomes"

urlpatterns = [
    path("", views.cohort, name="cohort"),
    path("observations/", list_views.observation_index, name="observation_list"),
    path("innovators/<uuid:uid>/", views.innovator, name="innovator"),
    path("innovators/<uuid:uid>/indicators/add/", views.indicator_add, name="indicator_add"),
    path("indicators/<uuid:uid>/observations/add/", views.observation_add, name="observation_add"),
    path("observations/<uuid:uid>/verify/", views.observation_verify, name="observation_verify"),
]
