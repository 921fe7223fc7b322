from django.apps import AppConfig


class CallsConfig(AppConfig):
    name = "partnerbase.calls"
    verbose_name = "Calls and applications"
    label = "calls"
