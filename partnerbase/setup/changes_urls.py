from django.urls import path

from . import changes

app_name = "changes"

urlpatterns = [
    path("", changes.change_log, name="log"),
]
