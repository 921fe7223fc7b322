from django.apps import AppConfig


class ProjectsConfig(AppConfig):
    name = "partnerbase.projects"
    verbose_name = "Collaborative projects"
    label = "projects"
