"""Brokering: needs, offers, rounds and their introductions (partnerships are in core)."""

from collections.abc import Iterator

from partnerbase.brokering.models import (
    BrokeringRound,
    Introduction,
    Need,
    Offer,
    RoundInnovatorSetting,
    RoundStatus,
)
from partnerbase.brokering.models.rounds import WEIGHT_FIELDS
from partnerbase.programmes.models import Programme

from ..format import (
    date_text,
    datetime_text,
    decimal_text,
    id_text,
    json_value,
    sorted_by_id,
    split_list,
)
from .core import money
from .rows import by_id


def _want(w: Need | Offer) -> dict:
    """The fields a need and an offer share, after its own."""
    return {
        "regions": split_list(w.regions),
        "challenge_area": id_text(w.challenge_area),
        "description": w.description,
        "status": w.status,
        "recorded_on": date_text(w.recorded_on),
        "closed_on": date_text(w.closed_on),
        "illustrative": w.illustrative,
    }


def needs(p: Programme) -> Iterator[dict]:
    rows = Need.objects.filter(programme=p).select_related("innovator", "challenge_area")
    return (  # in id order: see rows.by_id
        {
            "id": str(n.uid),
            "innovator": id_text(n.innovator),
            "type": n.type,
            "amount": money(n.amount_minor, n.currency),
            "quantity": n.quantity,
            **_want(n),
        }
        for n in by_id(rows)
    )


def offers(p: Programme) -> Iterator[dict]:
    rows = Offer.objects.filter(programme=p).select_related(
        "partner", "challenge_area", "preferred_challenge_area", "pledge"
    )
    return (  # in id order: see rows.by_id
        {
            "id": str(o.uid),
            "partner": id_text(o.partner),
            "type": o.type,
            "capacity": o.capacity,
            "budget": money(o.budget_minor, o.budget_currency),
            "preferred_challenge_area": id_text(o.preferred_challenge_area),
            "preferred_regions": split_list(o.preferred_regions),
            "pledge_reference": o.pledge_reference,
            "pledge": id_text(o.pledge),
            **_want(o),
        }
        for o in by_id(rows)
    )


def _status(r: BrokeringRound) -> str:
    # A run in progress is not a state to restore: write the round as it was before it.
    if r.status == RoundStatus.RUNNING:
        return RoundStatus.RUN if r.run_at else RoundStatus.DRAFT
    return r.status


def brokering_rounds(p: Programme) -> list[dict]:
    return sorted_by_id(
        {
            "id": str(r.uid),
            "name": r.name,
            "status": _status(r),
            "mode": r.mode,
            "weights": {name: getattr(r, f"weight_{name}") for name in WEIGHT_FIELDS},
            "innovator_capacity": r.innovator_capacity,
            "min_introductions": r.min_introductions,
            "run_at": datetime_text(r.run_at),
            "sent_on": date_text(r.sent_on),
            "objective": decimal_text(r.objective),
            "shortfall": r.shortfall,
            "optimal": r.optimal,
            "stable_cost": decimal_text(r.stable_cost),
            "illustrative": r.illustrative,
        }
        for r in BrokeringRound.objects.filter(programme=p)
    )


def round_innovator_settings(p: Programme) -> list[dict]:
    rows = RoundInnovatorSetting.objects.filter(round__programme=p).select_related(
        "round", "innovator"
    )
    return sorted_by_id(
        {
            "id": str(s.uid),
            "round": id_text(s.round),
            "innovator": id_text(s.innovator),
            "capacity": s.capacity,
            "min_introductions": s.min_introductions,
            "illustrative": s.illustrative,
        }
        for s in rows
    )


def _answer(x: Introduction, side: str) -> dict:
    return {
        f"{side}_response": getattr(x, f"{side}_response"),
        f"{side}_reason": getattr(x, f"{side}_reason"),
        f"{side}_responded_on": date_text(getattr(x, f"{side}_responded_on")),
    }


def introductions(p: Programme) -> Iterator[dict]:
    rows = Introduction.objects.filter(programme=p).select_related(
        "round", "innovator", "partner", "need", "offer", "partnership"
    )
    return (  # in id order: see rows.by_id
        {
            "id": str(x.uid),
            "round": id_text(x.round),
            "innovator": id_text(x.innovator),
            "partner": id_text(x.partner),
            "need": id_text(x.need),
            "offer": id_text(x.offer),
            "score": decimal_text(x.score),
            "parts": json_value(x.parts),
            "reasons": x.reasons,
            "status": x.status,
            "sent_on": date_text(x.sent_on),
            **_answer(x, "innovator"),
            **_answer(x, "partner"),
            "partnership": id_text(x.partnership),
            "illustrative": x.illustrative,
        }
        for x in by_id(rows)
    )
