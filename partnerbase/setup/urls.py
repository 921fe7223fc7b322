from django.urls import path

from . import views

app_name = "setup"

urlpatterns = [
    path("", views.settings, name="settings"),
    path("conveners/", views.conveners, name="conveners"),
    path("conveners/<uuid:uid>/remove/", views.convener_remove, name="convener_remove"),
    path("public-page/", views.public_page, name="public_page"),
]
