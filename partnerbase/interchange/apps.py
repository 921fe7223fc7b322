from django.apps import AppConfig


class InterchangeConfig(AppConfig):
    name = "partnerbase.interchange"
    label = "interchange"
