from django import template

from ..change import amount

register = template.Library()


@register.filter
def outcome_value(value, unit=""):
    """3,000 young people; £25,000 for revenue in pounds; an em dash when there is none."""
    if value is None or value == "":
        return "—"
    return amount(value, unit)
