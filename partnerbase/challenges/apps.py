from django.apps import AppConfig


class ChallengesConfig(AppConfig):
    name = "partnerbase.challenges"
    label = "challenges"
