"""Creating pledges by replaying their moves: recorded, confirmed, each delivery, lapsed.

A delivery's value is the service's share of the estimate; where the file's differs (the
estimate changed after it was recorded) it is restored as the file has it, as is the date
a pledge was delivered in full."""

from decimal import Decimal

from partnerbase.core.errors import DomainError
from partnerbase.core.history import record_save
from partnerbase.funding.services import money_to_minor
from partnerbase.pledges import services as pledges
from partnerbase.pledges.models import PledgeStatus

from ..restore import nested
from .base import file_date as _date

RESTORED = "Restored from an interchange file"


def _value(value: dict | None) -> tuple[Decimal | None, str | None]:
    if not value:
        return None, None
    return Decimal(value["amount"]), value["currency"]


def pledge(imp, r: dict):
    amount, currency = _value(r.get("estimated_value"))
    pledge = pledges.pledge_record(
        **imp.common(r),
        programme=imp.programme,
        organisation=imp.ref(r["organisation"]),
        champion=imp.ref(r.get("champion")),
        kind=r["kind"],
        title=r["title"],
        description=r.get("description", ""),
        quantity=Decimal(r["quantity"]),
        unit=r["unit"],
        estimated_value=amount,
        currency=currency,
        challenge_area=imp.ref(r.get("challenge_area")),
        project=imp.ref(r.get("project")),
        decision=imp.ref(r.get("decision")),
        pledged_on=_date(r, "pledged_on"),
        due_on=_date(r, "due_on"),
    )
    status = r.get("status", PledgeStatus.PLEDGED)
    if r.get("confirmed_on"):
        pledge = pledges.pledge_confirm(actor=imp.actor, pledge=pledge, on=_date(r, "confirmed_on"))
    for n, d in enumerate(r.get("deliveries", [])):
        with nested(f"deliveries[{n}]"):
            imp.pending[d["id"]] = _delivery(imp, pledge, d)
    pledge.refresh_from_db()
    if status == PledgeStatus.LAPSED:
        pledge = pledges.pledge_lapse(
            actor=imp.actor,
            pledge=pledge,
            on=_date(r, "lapsed_on"),
            reason=r.get("lapse_reason", ""),
        )
    if pledge.status != status:
        raise DomainError(
            f"The pledge's moves and deliveries leave it {pledge.status}, not {status}.",
            field="status",
        )
    delivered_on = _date(r, "delivered_on")
    if status == PledgeStatus.DELIVERED and pledge.delivered_on != delivered_on:
        pledge.delivered_on = delivered_on
        record_save(pledge, actor=imp.actor, reason=RESTORED)
    return pledge


def _delivery(imp, pledge, d: dict):
    delivery = pledges.pledge_delivery_record(
        **imp.common(d),
        pledge=pledge,
        delivered_on=_date(d, "delivered_on"),
        quantity=Decimal(d["quantity"]),
        notes=d.get("notes", ""),
    )
    amount, currency = _value(d.get("value"))
    value_minor = None if amount is None else money_to_minor(amount, currency, field="value")
    if delivery.value_minor != value_minor:
        delivery.value_minor = value_minor
        record_save(delivery, actor=imp.actor, reason=RESTORED)
    return delivery
