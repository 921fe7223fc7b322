"""Introductions the team adds by hand, scored and explained as the engine would have."""

from decimal import Decimal

from django.db import transaction

from partnerbase.core.errors import DomainError
from partnerbase.core.history import record_save
from partnerbase.core.services import same_programme
from partnerbase.matching import score_pair

from ..inputs import excluded_pair_ids, limits_of, pair_inputs
from ..models import BrokeringRound, Introduction, IntroductionStatus, Offer, OpenStatus
from ..models.rounds import TO_SEND
from .rounds import check_open, round_float

NO_MATCH = "Added by hand: no open need matches an open offer"


def partner_capacity(round: BrokeringRound, partner) -> int:
    return sum(
        Offer.objects.filter(
            programme=round.programme, partner=partner, status=OpenStatus.OPEN
        ).values_list("capacity", flat=True)
    )


def pair_score(round: BrokeringRound, innovator, partner, *, need=None, offer=None) -> dict:
    """The engine's score, parts, reasons and best need and offer for one pair, with the
    round's weights; score 0 and NO_MATCH when no open need of the innovator is compatible
    with an open offer of the partner (or `need` with `offer`, when given)."""
    engine_innovator, engine_partner, inputs = pair_inputs(
        round, innovator, partner, need=need, offer=offer
    )
    found = None
    if engine_innovator and engine_partner:
        found = score_pair(engine_innovator, engine_partner, weights=inputs.weights)
    if found is None:
        return {"need": need, "offer": offer, "score": Decimal(0), "parts": {}, "reasons": NO_MATCH}
    return {
        "need": inputs.needs[found.need],
        "offer": inputs.offers[found.offer],
        "score": Decimal(str(found.score)),
        "parts": {k: round_float(v) for k, v in found.parts.items()},
        "reasons": found.reasons,
    }


def _check_room(round, live, innovator, partner) -> None:
    capacity = limits_of(round, innovator.pk)[0]
    taken = live.filter(innovator=innovator).count()
    if taken >= capacity:
        raise DomainError(
            f"{innovator} already has {taken} introduction{'s' if taken != 1 else ''}, the "
            f"most it may have in this round ({capacity}). Tick “Add it anyway” to go over.",
            field="innovator",
        )
    capacity, taken = partner_capacity(round, partner), live.filter(partner=partner).count()
    if taken >= capacity:
        raise DomainError(
            f"{partner} will take {capacity} introduction{'s' if capacity != 1 else ''} "
            f"and already has {taken}. Tick “Add it anyway” to go over.",
            field="partner",
        )


@transaction.atomic
def introduction_add_by_hand(
    *,
    actor,
    round: BrokeringRound,
    innovator,
    partner,
    need=None,
    offer=None,
    reasons: str = "",
    over_capacity: bool = False,
    illustrative: bool = False,
    uid=None,
) -> Introduction:
    """An introduction the team adds itself: never an excluded pair; within both sides'
    capacity (the innovator's own in this round, else the round's) unless the team says to
    go over it. It gets the engine's score and reasons for the pair, and its best need and
    offer unless given; the team's own reasons follow the engine's."""
    check_open(round)
    programme = round.programme
    same_programme(programme, innovator=innovator, partner=partner, need=need, offer=offer)
    if innovator.pk == partner.pk:
        raise DomainError("An organisation cannot be introduced to itself.", field="partner")
    if need is not None and need.innovator_id != innovator.pk:
        raise DomainError(f"That need is not {innovator}'s.", field="need")
    if offer is not None and offer.partner_id != partner.pk:
        raise DomainError(f"That offer is not {partner}'s.", field="offer")
    live = round.introductions.filter(status__in=TO_SEND)
    if live.filter(innovator=innovator, partner=partner).exists():
        raise DomainError(
            f"{innovator} and {partner} are already proposed in this round.", field="partner"
        )
    # A funder and its grantee are left to the team's judgement: the engine never proposes
    # them, but the team may know the relationship has room for more.
    if (innovator.pk, partner.pk) in excluded_pair_ids(programme, round=round, funders=False):
        raise DomainError(
            f"{innovator} and {partner} cannot be introduced: they are already partners, "
            "were introduced before, or this round already has them.",
            field="partner",
        )
    if not over_capacity:
        _check_room(round, live, innovator, partner)
    scored = pair_score(round, innovator, partner, need=need, offer=offer)
    note = reasons.strip()
    if note:
        scored["reasons"] = f"{scored['reasons']}\n\nThe team’s reason: {note}"
    introduction = Introduction(
        programme=programme,
        round=round,
        innovator=innovator,
        partner=partner,
        status=IntroductionStatus.ADDED,
        illustrative=illustrative,
        **scored,
    )
    return record_save(introduction, uid=uid, actor=actor, reason="Added by hand")
