from django.apps import AppConfig


class BoardConfig(AppConfig):
    name = "partnerbase.board"
    label = "board"
