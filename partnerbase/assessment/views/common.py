"""What the assessment pages share."""

from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import render

from partnerbase.core.errors import DomainError
from partnerbase.core.forms import add_service_error
from partnerbase.programmes.queries import programme_get

from .. import queries
from ..permissions import (
    can_manage_assessment,
)

NAV = "assessment"


def _programme(request, slug, allowed):
    programme = programme_get(user=request.user, slug=slug)
    if not allowed(request.user, programme):
        raise PermissionDenied
    return programme


def _managed_call(request, slug, call_slug):
    programme = _programme(request, slug, can_manage_assessment)
    return programme, queries.call_get(programme=programme, call_slug=call_slug)


def _page(request, template, programme, **context):
    return render(request, template, {"programme": programme, "nav_current": NAV, **context})


def _try(form, save):
    """Run `save()`; a service error goes next to its field. True if it saved."""
    try:
        save()
    except (DomainError, ValidationError) as exc:
        add_service_error(form, exc)
        return False
    return True


def _two(value) -> str:
    if value is None:
        return "—"
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return str(exact.quantize(Decimal("0.01"), ROUND_HALF_UP))
