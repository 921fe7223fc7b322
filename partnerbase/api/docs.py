"""The schema (JSON); the readable reference, a GOV.UK page rendered from the schema
on the server (accessible, no script); and Swagger UI for trying requests (from
drf-spectacular-sidecar's static files, started by our static/js/api-docs.js: no inline
script, so the Content-Security-Policy holds)."""

from functools import cache

from django.shortcuts import render
from django.urls import reverse
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.views import SpectacularJSONAPIView
from rest_framework.permissions import AllowAny
from rest_framework.views import APIView

from . import reference, schema  # noqa: F401  (schema registers the bearer scheme)
from .access import LoginFree


class Schema(LoginFree, SpectacularJSONAPIView):
    """The OpenAPI 3 schema; public, like the code it describes."""


class _Page(LoginFree, APIView):
    authentication_classes: list = []
    permission_classes = [AllowAny]
    throttle_classes: list = []
    schema = None  # not an endpoint of the API itself


@cache
def _areas():
    # The schema is fixed for the life of the process: the code it describes is.
    return reference.areas(SchemaGenerator().get_schema(request=None, public=True))


class Docs(_Page):
    """The reference: every endpoint by area, with its parameters and fields."""

    def get(self, request):
        return render(
            request,
            "api/docs.html",
            {"areas": _areas(), "schema_url": reverse("api:schema")},
        )


class Explore(_Page):
    """Swagger UI, to try requests from the browser."""

    def get(self, request):
        return render(request, "api/explore.html", {"schema_url": reverse("api:schema")})
