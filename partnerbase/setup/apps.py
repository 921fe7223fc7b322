from django.apps import AppConfig


class SetupConfig(AppConfig):
    name = "partnerbase.setup"
    label = "setup"
    verbose_name = "Programme set-up"
