from django.apps import AppConfig


class ChampionsConfig(AppConfig):
    name = "partnerbase.champions"
    label = "champions"
