from django.urls import path

from . import targets, views

app_name = "reports"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("figures/<str:figure>/", views.figure_detail, name="figure_detail"),
    path("targets/", targets.targets_edit, name="targets_edit"),
]
