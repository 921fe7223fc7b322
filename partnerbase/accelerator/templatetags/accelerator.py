from django import template

from partnerbase.accelerator.permissions import can_manage_accelerator

register = template.Library()


@register.filter
def may_manage_accelerator(user, programme) -> bool:
    return can_manage_accelerator(user, programme)
