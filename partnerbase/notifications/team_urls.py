"""/programmes/<slug>/notifications/: the team's view of emails that have not gone."""

from django.urls import path

from . import views

app_name = "programme_notifications"

urlpatterns = [
    path("", views.unsent_list, name="unsent"),
    path("<uuid:uid>/retry/", views.unsent_retry, name="retry"),
]
