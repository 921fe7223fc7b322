"""Offer a pledge for brokering: an offer prefilled from the pledge, saved through the
brokering offer service and linked to the pledge (Offer.pledge)."""

from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from partnerbase.brokering import services as brokering
from partnerbase.brokering.forms import OfferForm
from partnerbase.brokering.models import SupportType
from partnerbase.core.errors import DomainError
from partnerbase.core.forms import add_service_error
from partnerbase.directory.models import Organisation

from . import states
from .models import Pledge, PledgeKind
from .views import NAV, pledge_for

# The brokering type closest to each kind of pledge.
SUPPORT_TYPES = {
    PledgeKind.CASH: SupportType.FUNDING,
    PledgeKind.STAFF_HOURS: SupportType.SKILLS,
    PledgeKind.MENTORING: SupportType.MENTORING,
    PledgeKind.WORK_PLACEMENTS: SupportType.EMPLOYMENT,
    PledgeKind.PRODUCTS_SERVICES: SupportType.PROCUREMENT,
    PledgeKind.DATA: SupportType.OTHER,
    PledgeKind.VENUE: SupportType.PREMISES,
    PledgeKind.DISTRIBUTION: SupportType.DISTRIBUTION,
}
# Kinds counted in people or places: one introduction each, up to a round's worth.
COUNTED = {PledgeKind.WORK_PLACEMENTS, PledgeKind.MENTORING}
MOST_INTRODUCTIONS = 50


def offer_initial(pledge: Pledge, left: Decimal) -> dict:
    """What the offer form starts with; the person may change any of it before saving."""
    capacity = 1
    if pledge.kind in COUNTED and left == left.to_integral_value() and left >= 1:
        capacity = min(int(left), MOST_INTRODUCTIONS)
    return {
        "partner": pledge.organisation,
        "type": SUPPORT_TYPES[PledgeKind(pledge.kind)],
        "description": pledge.description or pledge.title,
        "capacity": capacity,
        "budget": pledge.estimated_value if pledge.kind == PledgeKind.CASH else None,
        "regions": pledge.organisation.regions,
        "challenge_area": pledge.challenge_area,
        "pledge_reference": pledge.title[:200],
    }


@require_http_methods(["GET", "POST"])
def pledge_offer(request, slug, uid):
    programme, pledge = pledge_for(request, slug, uid)
    if not states.is_open(pledge.status):
        raise PermissionDenied  # nothing left to offer
    delivered = sum((d.quantity for d in pledge.deliveries.all()), Decimal(0))
    form = OfferForm(
        request.POST or None,
        programme=programme,
        partners=Organisation.objects.filter(pk=pledge.organisation_id),
        initial=offer_initial(pledge, pledge.quantity - delivered),
    )
    form.fields["partner"].disabled = True
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data["partner"] = pledge.organisation
        try:
            offer = brokering.offer_create(
                actor=request.user, programme=programme, pledge=pledge, **data
            )
        except (DomainError, ValidationError) as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, f"Offered for brokering: {offer}.")
            return redirect("pledges:detail", programme.slug, pledge.uid)
    return render(
        request,
        "pledges/offer_form.html",
        {"programme": programme, "pledge": pledge, "form": form, "nav_current": NAV},
    )
