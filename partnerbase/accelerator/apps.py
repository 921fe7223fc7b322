from django.apps import AppConfig


class AcceleratorConfig(AppConfig):
    name = "partnerbase.accelerator"
    label = "accelerator"
