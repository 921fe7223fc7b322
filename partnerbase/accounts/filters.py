"""The invitations' filters (the people pages list them; the API filters them)."""

from partnerbase.core.filters import list_filter

from .models import Invitation

InvitationFilter = list_filter(
    Invitation,
    search=("email", "full_name"),
    ids=("organisation",),
    choices=("status",),
    dates=("sent_at", "expires_at"),
)
