from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "partnerbase.people"
    label = "people"
    verbose_name = "People and access"
