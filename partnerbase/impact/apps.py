from django.apps import AppConfig


class ImpactConfig(AppConfig):
    name = "partnerbase.impact"
    label = "impact"

    def ready(self):
        # The kept figures go stale when a record they depend on changes.
        from . import dependencies

        dependencies.connect()
