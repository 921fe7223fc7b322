from django.apps import AppConfig


class ImpactConfig(AppConfig):
    name = "partnerbase.impact"
    label = "impact"
