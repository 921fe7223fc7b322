from django.apps import AppConfig


class OutcomesConfig(AppConfig):
    name = "partnerbase.outcomes"
    label = "outcomes"
