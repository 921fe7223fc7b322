from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "partnerbase.directory"
    label = "directory"
