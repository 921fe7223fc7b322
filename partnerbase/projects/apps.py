from django.apps import AppConfig


class ProjectsConfig(AppConfig):
    name = "partnerbase.projects"
    label = "projects"
