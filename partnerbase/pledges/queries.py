"""Reads for pledges, already restricted to what the user may see."""

from decimal import Decimal

from django.db.models import DecimalField, QuerySet, Sum, Value
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from partnerbase.directory.models import Organisation

from . import permissions as can
from .ledger import NO_CHALLENGE, Ledger, Line, build_ledger
from .models import Pledge, PledgeDelivery, PledgeKind


def pledge_list(*, user, programme, organisation=None) -> QuerySet:
    """The pledges `user` may see, of one organisation if given, with delivered sums."""
    pledges = can.visible_pledges(user, programme)
    if organisation is not None:
        pledges = pledges.filter(organisation=organisation)
    return (
        pledges.select_related("organisation", "challenge_area", "project")
        .annotate(
            delivered_quantity=Coalesce(
                Sum("deliveries__quantity"),
                Value(Decimal(0)),
                output_field=DecimalField(max_digits=16, decimal_places=2),
            ),
            delivered_value_minor=Coalesce(Sum("deliveries__value_minor"), Value(0)),
        )
        .order_by("-pledged_on", "title")
    )


def pledge_get(*, user, programme, uid) -> Pledge:
    """404 outside the programme, and for a pledge the user may not see (so its existence
    does not show)."""
    pledge = get_object_or_404(
        Pledge.objects.select_related(
            "organisation", "champion__person", "challenge_area", "project", "decision__meeting"
        ),
        programme=programme,
        uid=uid,
    )
    if not can.can_view_pledge(user, pledge):
        raise Http404("No such pledge")
    return pledge


def organisation_get(*, programme, uid) -> Organisation:
    return get_object_or_404(Organisation, programme=programme, uid=uid)


def ledger_for(pledges, *, currency: str, today=None) -> Ledger:
    """The ledger of `pledges` (from pledge_list, so they carry their delivered sums)."""
    lines = [
        Line(
            pledge=p,
            kind=p.kind,
            kind_label=p.get_kind_display(),
            challenge=p.challenge_area.name if p.challenge_area else NO_CHALLENGE,
            status=p.status,
            quantity=Decimal(p.quantity),
            unit=p.unit,
            delivered_quantity=Decimal(p.delivered_quantity),
            value_minor=p.estimated_value_minor,
            delivered_value_minor=int(p.delivered_value_minor),
            currency=p.estimated_value_currency,
            due_on=p.due_on,
        )
        for p in pledges
    ]
    return build_ledger(
        lines,
        currency=currency,
        today=today or timezone.localdate(),
        kind_order=PledgeKind.choices,
    )


def delivery_list(*, user, programme) -> QuerySet:
    """The deliveries of the pledges `user` may see (each pledge's page lists its own)."""
    pledges = pledge_list(user=user, programme=programme).values("pk")
    return PledgeDelivery.objects.filter(pledge_id__in=pledges).order_by("pledge_id", "id")


def pledge_history_parts(pledge: Pledge) -> dict:
    """The history rows of a pledge and its deliveries, deleted ones' too (core.changes)."""
    return {
        "pledges.pledge": Pledge.history.filter(id=pledge.pk),
        "pledges.pledgedelivery": PledgeDelivery.history.filter(pledge_id=pledge.pk),
    }
