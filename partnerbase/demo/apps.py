from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "partnerbase.demo"
    label = "demo"
