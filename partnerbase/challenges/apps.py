from django.apps import AppConfig


class ChallengesConfig(AppConfig):
    name = "partnerbase.challenges"
    verbose_name = "Challenge areas"
    label = "challenges"
