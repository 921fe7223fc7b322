from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "partnerbase.jobs"
    label = "jobs"
    verbose_name = "Background work"
