from django.urls import path

from . import views

app_name = "opendata"

urlpatterns = [
    path("", views.open_data, name="open_data"),
    path("export/<str:fmt>/", views.export, name="export"),
    path("import/", views.grants_import_page, name="import"),
]
