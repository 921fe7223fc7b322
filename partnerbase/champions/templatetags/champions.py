from django import template

from ..permissions import can_target_champions

register = template.Library()


@register.filter
def may_target_champions(user, programme) -> bool:
    return can_target_champions(user, programme)


@register.simple_tag
def share(shares, criterion) -> str:
    """A criterion's share of the score as a whole percentage, e.g. "50%"."""
    value = shares.get(criterion.key)
    return "—" if value is None else f"{round(value * 100)}%"
