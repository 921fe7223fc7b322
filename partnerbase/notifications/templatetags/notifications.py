from django import template

from ..queries import unread_count

register = template.Library()


@register.simple_tag
def notifications_label(user) -> str:
    """The header's link: "Notifications (3)" while 3 are unread."""
    count = unread_count(user=user)
    return f"Notifications ({count})" if count else "Notifications"
