from django.apps import AppConfig


class BrokeringConfig(AppConfig):
    name = "partnerbase.brokering"
    label = "brokering"
