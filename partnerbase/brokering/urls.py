from django.urls import path  # noqa: F401

app_name = "brokering"

urlpatterns: list = []
