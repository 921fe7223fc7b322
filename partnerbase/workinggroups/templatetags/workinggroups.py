from django import template

from partnerbase.workinggroups.permissions import can_view_working_groups

register = template.Library()


@register.filter
def may_view_working_groups(user, programme) -> bool:
    return can_view_working_groups(user, programme)
