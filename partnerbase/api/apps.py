from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "partnerbase.api"
    label = "api"
    verbose_name = "REST API"

    def ready(self):
        # Registers the bearer scheme with drf-spectacular.
        from . import schema  # noqa: F401
