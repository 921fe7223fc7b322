"""Domain errors as 400 with the field at fault, in the shape DRF gives its own errors:
{"field": ["message"]} or {"non_field_errors": ["message"]}."""

from django.core.exceptions import ValidationError
from rest_framework import status
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_handler

from partnerbase.core.errors import DomainError
from partnerbase.core.errors import PermissionDenied as DomainPermissionDenied

GENERAL = api_settings.NON_FIELD_ERRORS_KEY


def field_errors(exc: Exception) -> dict[str, list[str]]:
    if isinstance(exc, DomainError):
        return {exc.field or GENERAL: [exc.message]}
    if hasattr(exc, "error_dict"):
        return {
            (GENERAL if field == "__all__" else field): [str(m) for m in ValidationError(errors)]
            for field, errors in exc.error_dict.items()
        }
    return {GENERAL: [str(m) for m in exc]}


def exception_handler(exc, context):
    if isinstance(exc, DomainPermissionDenied):
        return Response({"detail": exc.message}, status=status.HTTP_403_FORBIDDEN)
    if isinstance(exc, DomainError | ValidationError):
        return Response(field_errors(exc), status=status.HTTP_400_BAD_REQUEST)
    return drf_handler(exc, context)
