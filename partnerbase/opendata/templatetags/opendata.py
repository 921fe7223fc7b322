from django import template

from partnerbase.opendata.permissions import can_view_open_data

register = template.Library()


@register.filter
def may_view_open_data(user, programme) -> bool:
    """For links to the open-data page: `{% if request.user|may_view_open_data:programme %}`."""
    return can_view_open_data(user, programme)
