"""What the assessment pages share."""

from decimal import ROUND_HALF_UP, Decimal

from django.shortcuts import render

from partnerbase.calls.queries import call_get
from partnerbase.programmes.access import programme_for

from ..permissions import (
    can_manage_assessment,
)

NAV = "assessment"


def _managed_call(request, slug, call_slug):
    programme = programme_for(request, slug, can_manage_assessment)
    return programme, call_get(programme=programme, slug=call_slug)


def _page(request, template, programme, **context):
    return render(request, template, {"programme": programme, "nav_current": NAV, **context})


def _two(value) -> str:
    if value is None:
        return "—"
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return str(exact.quantize(Decimal("0.01"), ROUND_HALF_UP))
