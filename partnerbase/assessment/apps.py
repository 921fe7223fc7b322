from django.apps import AppConfig


class AssessmentConfig(AppConfig):
    name = "partnerbase.assessment"
    label = "assessment"
