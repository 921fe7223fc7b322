from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "partnerbase.accounts"
    label = "accounts"
