from django.apps import AppConfig


class OpendataConfig(AppConfig):
    name = "partnerbase.opendata"
    label = "opendata"
