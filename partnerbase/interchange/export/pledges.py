"""Pledges and their deliveries (kept inside each pledge)."""

from partnerbase.pledges.models import Pledge
from partnerbase.programmes.models import Programme

from ..format import date_text, decimal_text, id_text, sorted_by_id
from .core import money


def _deliveries(pledge: Pledge) -> list[dict]:
    # In the order they were recorded: each delivery's value depends on those before it.
    return [
        {
            "id": str(d.uid),
            "delivered_on": date_text(d.delivered_on),
            "quantity": decimal_text(d.quantity),
            "value": money(d.value_minor, pledge.estimated_value_currency),
            "notes": d.notes,
            "illustrative": d.illustrative,
        }
        for d in sorted(pledge.deliveries.all(), key=lambda d: (d.delivered_on, d.pk))
    ]


def pledges(p: Programme) -> list[dict]:
    rows = (
        Pledge.objects.filter(programme=p)
        .select_related("organisation", "champion", "challenge_area", "project", "decision")
        .prefetch_related("deliveries")
    )
    return sorted_by_id(
        {
            "id": str(x.uid),
            "organisation": id_text(x.organisation),
            "champion": id_text(x.champion),
            "kind": x.kind,
            "title": x.title,
            "description": x.description,
            "quantity": decimal_text(x.quantity),
            "unit": x.unit,
            "estimated_value": money(x.estimated_value_minor, x.estimated_value_currency),
            "challenge_area": id_text(x.challenge_area),
            "project": id_text(x.project),
            "decision": id_text(x.decision),
            "pledged_on": date_text(x.pledged_on),
            "due_on": date_text(x.due_on),
            "status": x.status,
            "confirmed_on": date_text(x.confirmed_on),
            "delivered_on": date_text(x.delivered_on),
            "lapsed_on": date_text(x.lapsed_on),
            "lapse_reason": x.lapse_reason,
            "deliveries": _deliveries(x),
            "illustrative": x.illustrative,
        }
        for x in rows
    )
