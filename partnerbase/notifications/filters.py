"""A person's notifications' filters."""

from partnerbase.core.filters import list_filter

from .models import Notification

NotificationFilter = list_filter(
    Notification,
    search=("subject", "body"),
    choices=("kind", "email_state"),
    dates=("sent_at",),
)
