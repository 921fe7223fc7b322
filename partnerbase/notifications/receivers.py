"""Signal receivers connected when the app is ready (apps.py)."""

from django.dispatch import receiver

from partnerbase.accounts.invitations import invitation_link_made

from .services import invitation_notify


@receiver(invitation_link_made, dispatch_uid="notifications.invitation")
def _invitation_link_made(sender, *, invitation, token, site_url, **kwargs):
    invitation_notify(invitation=invitation, token=token, site_url=site_url)
