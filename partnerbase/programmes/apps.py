from django.apps import AppConfig


class ProgrammesConfig(AppConfig):
    name = "partnerbase.programmes"
    label = "programmes"
