from django.apps import AppConfig


class WorkinggroupsConfig(AppConfig):
    name = "partnerbase.workinggroups"
    verbose_name = "Working groups"
    label = "workinggroups"
