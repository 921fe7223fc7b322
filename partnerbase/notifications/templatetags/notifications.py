from django import template

from ..queries import unread_count

register = template.Library()


@register.simple_tag
def unread_notifications(user) -> int:
    """How many of the signed-in person's notifications are unread (the header's count)."""
    return unread_count(user=user)


@register.simple_tag
def notifications_label(user) -> str:
    """The header's link: "Notifications (3)" while 3 are unread."""
    count = unread_count(user=user)
    return f"Notifications ({count})" if count else "Notifications"
