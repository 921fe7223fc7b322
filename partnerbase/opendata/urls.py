from django.urls import path

from . import views

app_name = "opendata"

urlpatterns = [
    path("", views.open_data, name="open_data"),
    path("360giving.<str:fmt>", views.download, name="download"),
]
