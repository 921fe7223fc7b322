from decimal import Decimal

from django import template

from partnerbase.core.currencies import from_minor
from partnerbase.core.money import format_money

from .. import states
from ..permissions import can_use_pledges

register = template.Library()

STATUS_TAGS = {
    states.PLEDGED: "govuk-tag--blue",
    states.CONFIRMED: "govuk-tag--purple",
    states.DELIVERED: "govuk-tag--green",
    states.LAPSED: "govuk-tag--grey",
}


@register.filter
def sums(value, currency="GBP"):
    """A ledger.Sums as money: "£12,000" or "£12,000 and $500"."""
    return value.text(currency)


@register.filter
def minor_money(minor, currency="GBP"):
    return "—" if minor is None else format_money(from_minor(minor, currency), currency)


@register.filter
def qty(value):
    """A quantity without trailing zeros: 12.50 -> "12.5", 40.00 -> "40"."""
    if value is None:
        return "—"
    text = format(Decimal(value).normalize(), "f")
    whole, _, fraction = text.partition(".")
    return f"{int(whole):,}" + (f".{fraction}" if fraction else "")


@register.filter
def pledge_tag(status):
    return STATUS_TAGS.get(status, "govuk-tag--grey")


@register.filter
def may_use_pledges(user, programme) -> bool:
    return can_use_pledges(user, programme)
