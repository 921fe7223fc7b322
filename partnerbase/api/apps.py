from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "partnerbase.api"
    label = "api"
    verbose_name = "REST API"
    # The bearer scheme is registered with drf-spectacular by api/docs.py, which serves the
    # schema: importing drf-spectacular here cost every command and worker 0.4 s to start.
