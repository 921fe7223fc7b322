from django import template

from partnerbase.board.permissions import can_view_board

register = template.Library()


@register.filter
def may_view_board(user, programme) -> bool:
    return can_view_board(user, programme)
