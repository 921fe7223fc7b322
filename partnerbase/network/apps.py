from django.apps import AppConfig


class NetworkConfig(AppConfig):
    name = "partnerbase.network"
    label = "network"
