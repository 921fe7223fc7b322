from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "partnerbase.directory"
    verbose_name = "Organisations and engagements"
    label = "directory"
