"""Needs and offers closed as the file says; brokering rounds, innovators' limits and
introductions restored as stored (restore_brokering)."""

from partnerbase.brokering import services as brokering
from partnerbase.brokering.models import OpenStatus
from partnerbase.core.errors import DomainError

from ..restore_brokering import introduction_restore, round_restore, setting_restore
from ..spec import by_name
from .base import file_date as _date
from .generic import create


def _closed(imp, want, r: dict):
    """Close it as the file says; only closing sets a closing date."""
    closed_on = _date(r, "closed_on")
    if r.get("status", OpenStatus.OPEN) == OpenStatus.CLOSED:
        if closed_on is None:
            raise DomainError("Enter the date it closed.", field="closed_on")
        return brokering.want_close(actor=imp.actor, record=want, on=closed_on)
    if closed_on:
        raise DomainError("Only a closed need or offer has the date it closed.", field="closed_on")
    return want


def need(imp, r: dict):
    return _closed(imp, create(imp, by_name("needs"), r), r)


def offer(imp, r: dict):
    return _closed(imp, create(imp, by_name("offers"), r), r)


def brokering_round(imp, r: dict):
    made = create(imp, by_name("brokering_rounds"), r)
    return round_restore(actor=imp.actor, round=made, record=r)


def round_innovator_setting(imp, r: dict):
    return setting_restore(
        actor=imp.actor, round=imp.ref(r["round"]), innovator=imp.ref(r["innovator"]), record=r
    )


def introduction(imp, r: dict):
    return introduction_restore(
        actor=imp.actor,
        round=imp.ref(r["round"]),
        record=r,
        innovator=imp.ref(r["innovator"]),
        partner=imp.ref(r["partner"]),
        need=imp.ref(r.get("need")),
        offer=imp.ref(r.get("offer")),
        partnership=imp.ref(r.get("partnership")),
    )
