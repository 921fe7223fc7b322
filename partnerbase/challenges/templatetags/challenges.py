from django import template

from partnerbase.challenges.permissions import can_view_votes

register = template.Library()


@register.filter
def may_view_challenge_votes(user, programme) -> bool:
    return can_view_votes(user, programme)


@register.filter
def lookup(mapping, key):
    """mapping[key] in a template (the result's tables are keyed by proposal id)."""
    return (mapping or {}).get(key)
