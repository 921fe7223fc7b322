from django.urls import path

from . import views

app_name = "interchange"

urlpatterns = [
    path("export/", views.programme_export_page, name="export"),
    path("import/", views.programme_import_page, name="import"),
]
