from django import template

from partnerbase.accelerator.permissions import can_manage_accelerator, can_view_own_page

register = template.Library()


@register.filter
def may_manage_accelerator(user, programme) -> bool:
    return can_manage_accelerator(user, programme)


@register.filter
def may_view_own_accelerator_page(user, programme) -> bool:
    return can_view_own_page(user, programme)
