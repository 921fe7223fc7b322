from django.apps import AppConfig


class FundingConfig(AppConfig):
    name = "partnerbase.funding"
    label = "funding"
