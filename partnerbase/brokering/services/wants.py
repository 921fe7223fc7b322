"""Needs and offers: create, change, close."""

from datetime import date
from decimal import Decimal

from django.db import transaction

from partnerbase.core.errors import DomainError
from partnerbase.core.history import record_save
from partnerbase.core.services import same_programme
from partnerbase.funding.services import money_to_minor

from ..models import Need, Offer, OpenStatus

NEED_FIELDS = {"type", "regions", "challenge_area", "description", "quantity", "recorded_on"}
OFFER_FIELDS = {
    "type",
    "regions",
    "challenge_area",
    "description",
    "capacity",
    "preferred_challenge_area",
    "preferred_regions",
    "pledge_reference",
    "recorded_on",
}


def _check_links(programme, **records):
    same_programme(programme, **{k: v for k, v in records.items() if v is not None})


@transaction.atomic
def need_create(
    *,
    actor,
    programme,
    innovator,
    type: str,
    regions: str = "",
    challenge_area=None,
    description: str = "",
    amount: Decimal | None = None,
    currency: str | None = None,
    quantity: int | None = None,
    recorded_on: date | None = None,
    illustrative: bool = False,
    uid=None,
) -> Need:
    _check_links(programme, innovator=innovator, challenge_area=challenge_area)
    need = Need(
        programme=programme,
        innovator=innovator,
        type=type,
        regions=regions,
        challenge_area=challenge_area,
        description=description,
        quantity=quantity,
        illustrative=illustrative,
    )
    if recorded_on:
        need.recorded_on = recorded_on
    _set_amount(need, amount, currency or programme.reference_currency)
    return record_save(need, uid=uid, actor=actor, reason="Need recorded")


@transaction.atomic
def need_update(
    *, actor, need: Need, amount: Decimal | None = None, currency: str | None = None, **changes
) -> Need:
    unknown = set(changes) - NEED_FIELDS
    if unknown:
        raise DomainError(f"A need has no field {sorted(unknown)[0]}.")
    _check_links(need.programme, challenge_area=changes.get("challenge_area"))
    for name, value in changes.items():
        setattr(need, name, value)
    _set_amount(need, amount, currency or need.currency)
    return record_save(need, actor=actor, reason="Need changed")


def _set_amount(need: Need, amount, currency: str) -> None:
    need.currency = currency
    need.amount_minor = None if amount is None else money_to_minor(amount, currency)


@transaction.atomic
def offer_create(
    *,
    actor,
    programme,
    partner,
    type: str,
    capacity: int = 1,
    regions: str = "",
    challenge_area=None,
    description: str = "",
    budget: Decimal | None = None,
    currency: str | None = None,
    preferred_challenge_area=None,
    preferred_regions: str = "",
    pledge_reference: str = "",
    pledge=None,
    recorded_on: date | None = None,
    illustrative: bool = False,
    uid=None,
) -> Offer:
    _check_links(
        programme,
        partner=partner,
        challenge_area=challenge_area,
        preferred_challenge_area=preferred_challenge_area,
        pledge=pledge,
    )
    offer = Offer(
        programme=programme,
        partner=partner,
        type=type,
        capacity=capacity,
        regions=regions,
        challenge_area=challenge_area,
        description=description,
        preferred_challenge_area=preferred_challenge_area,
        preferred_regions=preferred_regions,
        pledge_reference=pledge_reference,
        pledge=pledge,
        illustrative=illustrative,
    )
    if recorded_on:
        offer.recorded_on = recorded_on
    _set_budget(offer, budget, currency or programme.reference_currency)
    return record_save(offer, uid=uid, actor=actor, reason="Offer recorded")


@transaction.atomic
def offer_update(
    *, actor, offer: Offer, budget: Decimal | None = None, currency: str | None = None, **changes
) -> Offer:
    unknown = set(changes) - OFFER_FIELDS
    if unknown:
        raise DomainError(f"An offer has no field {sorted(unknown)[0]}.")
    _check_links(
        offer.programme,
        challenge_area=changes.get("challenge_area"),
        preferred_challenge_area=changes.get("preferred_challenge_area"),
    )
    for name, value in changes.items():
        setattr(offer, name, value)
    _set_budget(offer, budget, currency or offer.budget_currency)
    return record_save(offer, actor=actor, reason="Offer changed")


@transaction.atomic
def offer_pledge_link(*, actor, offer: Offer, pledge) -> Offer:
    """Mark `offer` as carrying out `pledge` (a pledge offered for brokering), or unlink it."""
    _check_links(offer.programme, pledge=pledge)
    offer.pledge = pledge
    return record_save(offer, actor=actor, reason="Linked to a pledge" if pledge else "Unlinked")


def _set_budget(offer: Offer, budget, currency: str) -> None:
    offer.budget_currency = currency
    offer.budget_minor = (
        None if budget is None else money_to_minor(budget, currency, field="budget")
    )


@transaction.atomic
def want_close(*, actor, record: Need | Offer, on: date) -> Need | Offer:
    """Close a need (met or withdrawn) or an offer (used up): later rounds leave it out."""
    if record.status == OpenStatus.CLOSED:
        raise DomainError("It is already closed.", field="closed_on")
    record.status, record.closed_on = OpenStatus.CLOSED, on
    return record_save(record, actor=actor, reason="Closed")
