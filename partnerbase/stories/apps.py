from django.apps import AppConfig


class StoriesConfig(AppConfig):
    name = "partnerbase.stories"
    verbose_name = "Innovators' stories"
