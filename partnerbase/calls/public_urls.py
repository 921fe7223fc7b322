from django.urls import path  # noqa: F401

# Public pages of a programme's calls: anyone may read an open call and apply.
app_name = "calls_public"

urlpatterns: list = []
