"""Filters that show values the GOV.UK way."""

from datetime import date
from decimal import Decimal

from django import template
from django.utils.dateformat import format as date_format

from partnerbase.core.money import format_money, format_rate

register = template.Library()


@register.filter
def cell(value, currency="GBP"):
    """A table cell: dates as "14 May 2018", money in `currency`, nothing as a dash."""
    if value is None or value == "":
        return "—"
    if isinstance(value, date):
        return date_format(value, "j M Y")
    if isinstance(value, Decimal):
        return format_money(value, currency)
    return value


@register.filter
def money(value, currency="GBP"):
    return "—" if value is None else format_money(value, currency)


@register.filter
def rate(value):
    return format_rate(value)
