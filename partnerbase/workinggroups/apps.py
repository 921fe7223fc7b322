from django.apps import AppConfig


class WorkinggroupsConfig(AppConfig):
    name = "partnerbase.workinggroups"
    label = "workinggroups"
