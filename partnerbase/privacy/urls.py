"""The team's personal-data pages, under /programmes/<slug>/personal-data/."""

from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [
    path("", views.index, name="index"),
    path("person/", views.person, name="person"),
    path("export.json", views.export, name="export"),
    path("erase/", views.erase, name="erase"),
    path("retention/", views.retention, name="retention"),
]
