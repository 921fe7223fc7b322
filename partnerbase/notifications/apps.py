from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "partnerbase.notifications"
    label = "notifications"
    verbose_name = "Notifications"

    def ready(self):
        # Invitations live in accounts, below this app: they announce each new link with a
        # signal, and this app puts the email in its outbox (receivers.py).
        from . import receivers  # noqa: F401
