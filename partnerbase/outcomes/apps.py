from django.apps import AppConfig


class OutcomesConfig(AppConfig):
    name = "partnerbase.outcomes"
    verbose_name = "Innovator outcomes"
    label = "outcomes"
