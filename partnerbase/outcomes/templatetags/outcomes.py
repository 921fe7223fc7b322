from django import template

from partnerbase.funding.currencies import SYMBOLS

from ..change import number

register = template.Library()


@register.filter
def outcome_value(value, unit=""):
    """3,000 young people; £25,000 for revenue in pounds; an em dash when there is none."""
    if value is None or value == "":
        return "—"
    if unit in SYMBOLS:
        return f"{SYMBOLS[unit]}{number(value)}"
    if len(unit) == 3 and unit.isupper():
        return f"{number(value)} {unit}"
    return f"{number(value)} {unit}".strip()
