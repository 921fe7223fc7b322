"""Sessions end after SESSION_IDLE_MINUTES without a request."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout

LAST_SEEN = "last_seen"
# The session is written at most this often to move its end forward, not on every request:
# a page's parallel requests would otherwise all write it.
REFRESH_SECONDS = 60


class SessionIdleMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = int(time.time())
            last_seen = request.session.get(LAST_SEEN, now)
            if now - last_seen > settings.SESSION_IDLE_MINUTES * 60:
                logout(request)
                messages.info(
                    request,
                    f"You were signed out after {settings.SESSION_IDLE_MINUTES} minutes "
                    "without using Partnerbase. Sign in again to go on.",
                )
            elif LAST_SEEN not in request.session or now - last_seen >= REFRESH_SECONDS:
                # Saving the session also moves its expiry (SESSION_COOKIE_AGE) forward.
                request.session[LAST_SEEN] = now
        return self.get_response(request)
