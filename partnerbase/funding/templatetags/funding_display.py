"""Money on the funding pages: the reference currency with display currencies beside it."""

from django import template

register = template.Library()


@register.filter
def ledger_money(amount, ledger):
    """ "£80,500 ($105,994)" at the ledger's report-date rates."""
    return ledger.show(amount)
