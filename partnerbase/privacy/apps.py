from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "partnerbase.privacy"
    label = "privacy"
    verbose_name = "Personal data"
