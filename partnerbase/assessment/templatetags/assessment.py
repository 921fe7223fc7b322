from django import template

from partnerbase.assessment.permissions import can_manage_assessment

register = template.Library()


@register.filter
def may_manage_assessment(user, programme) -> bool:
    return can_manage_assessment(user, programme)
