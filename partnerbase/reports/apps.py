from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "partnerbase.reports"
    label = "reports"
