"""/programmes/<slug>/background/: the programme's background work."""

from django.urls import path

from . import views

app_name = "jobs"

urlpatterns = [
    path("", views.job_list, name="list"),
    path("<uuid:uid>/", views.job_detail, name="detail"),
    path("<uuid:uid>/progress/", views.job_progress, name="progress"),
    path("<uuid:uid>/retry/", views.job_retry, name="retry"),
    path("<uuid:uid>/download/", views.job_download, name="download"),
]
