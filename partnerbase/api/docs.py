"""The schema (JSON) and the readable documentation (Swagger UI from drf-spectacular-
sidecar's static files, started by our static/js/api-docs.js: no inline script, so the
Content-Security-Policy holds)."""

from django.shortcuts import render
from django.urls import reverse
from drf_spectacular.views import SpectacularJSONAPIView
from rest_framework.permissions import AllowAny
from rest_framework.views import APIView

from . import schema  # noqa: F401  (registers the bearer scheme before a schema is built)
from .access import LoginFree


class Schema(LoginFree, SpectacularJSONAPIView):
    """The OpenAPI 3 schema; public, like the code it describes."""


class Docs(LoginFree, APIView):
    authentication_classes: list = []
    permission_classes = [AllowAny]
    throttle_classes: list = []
    schema = None  # not an endpoint of the API itself

    def get(self, request):
        return render(request, "api/docs.html", {"schema_url": reverse("api:schema")})
