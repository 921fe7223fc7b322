from django.urls import path

from . import views

app_name = "interchange"

urlpatterns = [
    path("", views.programme_export_page, name="export"),
]
