from django.apps import AppConfig


class PledgesConfig(AppConfig):
    name = "partnerbase.pledges"
    label = "pledges"

    def ready(self):
        # Registers the pledge reminders with `partnerbase notifications due`.
        from . import reminders  # noqa: F401
