from django.urls import path

from . import views

app_name = "directory"

urlpatterns = [
    path("", views.organisation_index, name="organisation_list"),
    path("add/", views.organisation_add, name="organisation_add"),
    path("<uuid:uid>/", views.organisation_detail, name="organisation_detail"),
    path("<uuid:uid>/engagements/add/", views.engagement_add, name="engagement_add"),
]
