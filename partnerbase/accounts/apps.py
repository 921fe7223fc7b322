from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "partnerbase.accounts"
    label = "accounts"

    def ready(self):
        from django.contrib.auth import user_logged_in
        from django.contrib.auth.models import update_last_login

        from .signals import idle_clock_start, last_login_set

        # Django saves the user to set last_login, and a save writes a history row: a
        # sign-in is not a change to the person, so set the column without one.
        user_logged_in.disconnect(update_last_login, dispatch_uid="update_last_login")
        user_logged_in.connect(last_login_set, dispatch_uid="partnerbase_last_login")
        user_logged_in.connect(idle_clock_start, dispatch_uid="partnerbase_idle_clock")
