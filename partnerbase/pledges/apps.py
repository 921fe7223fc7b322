from django.apps import AppConfig


class PledgesConfig(AppConfig):
    name = "partnerbase.pledges"
    label = "pledges"
