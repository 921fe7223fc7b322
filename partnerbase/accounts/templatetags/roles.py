"""What the signed-in user may open, for navigation."""

from django import template

from partnerbase.accounts.permissions import can_view_dashboard, can_view_directory

register = template.Library()


@register.filter
def may_view_dashboard(user, programme):
    return can_view_dashboard(user, programme)


@register.filter
def may_view_directory(user, programme):
    return can_view_directory(user, programme)
