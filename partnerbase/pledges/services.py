"""Pledges: record, change, confirm, deliver, lapse. The moves themselves are in states.py."""

from datetime import date
from decimal import Decimal

from django.db import transaction

from partnerbase.core.errors import DomainError
from partnerbase.core.history import record_save
from partnerbase.core.services import same_programme
from partnerbase.funding.services import money_to_minor

from . import states
from .models import Pledge, PledgeDelivery

FIELDS = {
    "champion",
    "kind",
    "title",
    "description",
    "quantity",
    "unit",
    "challenge_area",
    "project",
    "decision",
    "pledged_on",
    "due_on",
}


def _state_error(exc: states.InvalidMove) -> DomainError:
    return DomainError(exc.message, field=exc.field)


def _check_links(programme, *, organisation=None, champion=None, decision=None, **records):
    same_programme(
        programme,
        organisation=organisation,
        champion=champion,
        **{k: v for k, v in records.items() if v is not None},
    )
    if decision is not None and decision.meeting.programme_id != programme.pk:
        raise DomainError(f"{decision} belongs to another programme.", field="decision")


def _set_value(pledge: Pledge, value, currency: str) -> None:
    pledge.estimated_value_currency = currency
    pledge.estimated_value_minor = (
        None if value is None else money_to_minor(value, currency, field="estimated_value")
    )


def _fill_challenge(pledge: Pledge) -> None:
    # A pledge to a project works on the project's challenge unless it names its own.
    if pledge.challenge_area_id is None and pledge.project is not None:
        pledge.challenge_area_id = pledge.project.challenge_area_id


@transaction.atomic
def pledge_record(
    *,
    actor,
    programme,
    organisation,
    kind: str,
    title: str,
    quantity: Decimal,
    unit: str,
    pledged_on: date,
    description: str = "",
    estimated_value: Decimal | None = None,
    currency: str | None = None,
    champion=None,
    challenge_area=None,
    project=None,
    decision=None,
    due_on: date | None = None,
    illustrative: bool = False,
    uid=None,
) -> Pledge:
    _check_links(
        programme,
        organisation=organisation,
        champion=champion,
        decision=decision,
        challenge_area=challenge_area,
        project=project,
    )
    try:
        states.check_quantity(Decimal(quantity), Decimal(0))
    except states.InvalidMove as exc:
        raise _state_error(exc) from exc
    pledge = Pledge(
        programme=programme,
        organisation=organisation,
        champion=champion,
        kind=kind,
        title=title,
        description=description,
        quantity=quantity,
        unit=unit,
        challenge_area=challenge_area,
        project=project,
        decision=decision,
        pledged_on=pledged_on,
        due_on=due_on,
        illustrative=illustrative,
    )
    _set_value(pledge, estimated_value, currency or programme.reference_currency)
    _fill_challenge(pledge)
    return record_save(pledge, uid=uid, actor=actor, reason="Pledge recorded")


def delivered_totals(pledge: Pledge) -> tuple[Decimal, int]:
    """Quantity delivered so far and the value of it (minor units)."""
    quantity, value = Decimal(0), 0
    for delivery in pledge.deliveries.all():
        quantity += delivery.quantity
        value += delivery.value_minor or 0
    return quantity, value


@transaction.atomic
def pledge_update(
    *,
    actor,
    pledge: Pledge,
    estimated_value: Decimal | None = None,
    currency: str | None = None,
    **changes,
) -> Pledge:
    """Change an open pledge. Its organisation never changes (a pledge is its own)."""
    unknown = set(changes) - FIELDS
    if unknown:
        raise DomainError(f"A pledge has no field {sorted(unknown)[0]}.")
    if not states.is_open(pledge.status):
        raise DomainError(f"A {pledge.get_status_display().lower()} pledge cannot be changed.")
    _check_links(
        pledge.programme,
        **{k: changes.get(k) for k in ("champion", "decision", "challenge_area", "project")},
    )
    delivered_quantity, delivered_value = delivered_totals(pledge)
    if "quantity" in changes:
        try:
            states.check_quantity(Decimal(changes["quantity"]), delivered_quantity)
        except states.InvalidMove as exc:
            raise _state_error(exc) from exc
    for name, value in changes.items():
        setattr(pledge, name, value)
    _set_value(pledge, estimated_value, currency or pledge.estimated_value_currency)
    if delivered_value and (pledge.estimated_value_minor or 0) < delivered_value:
        raise DomainError(
            "The estimated value cannot be less than the value already delivered.",
            field="estimated_value",
        )
    _fill_challenge(pledge)
    if delivered_quantity and Decimal(pledge.quantity) == delivered_quantity:
        # Lowered to what has been delivered: it is delivered in full.
        pledge.status = states.DELIVERED
        pledge.delivered_on = pledge.deliveries.order_by("-delivered_on")[0].delivered_on
    return record_save(pledge, actor=actor, reason="Pledge changed")


@transaction.atomic
def pledge_confirm(*, actor, pledge: Pledge, on: date) -> Pledge:
    try:
        states.check_move(pledge.status, states.CONFIRMED)
    except states.InvalidMove as exc:
        raise _state_error(exc) from exc
    if on < pledge.pledged_on:
        raise DomainError("It cannot be confirmed before it was pledged.", field="on")
    pledge.status, pledge.confirmed_on = states.CONFIRMED, on
    return record_save(pledge, actor=actor, reason="Pledge confirmed")


@transaction.atomic
def pledge_lapse(*, actor, pledge: Pledge, on: date, reason: str = "") -> Pledge:
    try:
        states.check_move(pledge.status, states.LAPSED)
    except states.InvalidMove as exc:
        raise _state_error(exc) from exc
    if on < pledge.pledged_on:
        raise DomainError("It cannot lapse before it was pledged.", field="on")
    pledge.status, pledge.lapsed_on, pledge.lapse_reason = states.LAPSED, on, reason
    return record_save(pledge, actor=actor, reason="Pledge lapsed")


@transaction.atomic
def pledge_delivery_record(
    *,
    actor,
    pledge: Pledge,
    delivered_on: date,
    quantity: Decimal,
    notes: str = "",
    illustrative: bool = False,
    uid=None,
) -> PledgeDelivery:
    """Record a delivery; the pledge becomes delivered when the deliveries reach its quantity."""
    pledge = Pledge.objects.select_for_update().get(pk=pledge.pk)
    delivered_quantity, delivered_value = delivered_totals(pledge)
    try:
        outcome = states.record_delivery(
            status=pledge.status,
            quantity=Decimal(pledge.quantity),
            delivered_quantity=delivered_quantity,
            value_minor=pledge.estimated_value_minor,
            delivered_value_minor=delivered_value,
            amount=Decimal(quantity),
        )
    except states.InvalidMove as exc:
        raise _state_error(exc) from exc
    delivery = record_save(
        PledgeDelivery(
            pledge=pledge,
            delivered_on=delivered_on,
            quantity=quantity,
            value_minor=outcome.value_minor,
            notes=notes,
            illustrative=illustrative,
        ),
        uid=uid,
        actor=actor,
        reason="Delivery recorded",
    )
    if outcome.status != pledge.status:
        pledge.status, pledge.delivered_on = outcome.status, delivered_on
        record_save(pledge, actor=actor, reason="Delivered in full")
    return delivery
