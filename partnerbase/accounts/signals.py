"""Receivers for Django's sign-in signal."""

import time

from django.utils import timezone

from .middleware import LAST_SEEN


def last_login_set(sender, user, **kwargs):
    """Record when the user signed in, with an update that writes no history row."""
    user.last_login = timezone.now()
    type(user)._default_manager.filter(pk=user.pk).update(last_login=user.last_login)


def idle_clock_start(sender, request, user, **kwargs):
    """Start the session's idle clock at sign-in, so the first page does not write it."""
    session = getattr(request, "session", None)
    if session is not None:
        session[LAST_SEEN] = int(time.time())
