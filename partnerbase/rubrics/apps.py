from django.apps import AppConfig


class RubricsConfig(AppConfig):
    name = "partnerbase.rubrics"
    label = "rubrics"
