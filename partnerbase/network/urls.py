from django.urls import path

from . import views

app_name = "network"

urlpatterns = [
    path("map/", views.map_page, name="map"),
    path("map/data.json", views.map_json, name="map_json"),
    path("map.svg", views.map_svg_view, name="map_svg"),
]
