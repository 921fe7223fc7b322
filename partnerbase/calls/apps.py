from django.apps import AppConfig


class CallsConfig(AppConfig):
    name = "partnerbase.calls"
    label = "calls"
