from django.contrib.auth.forms import (
    AuthenticationForm,
    PasswordChangeForm,
    PasswordResetForm,
    SetPasswordForm,
)

PASSWORD_HINT = (
    "Use at least 12 characters. Avoid common passwords, passwords made only of numbers "
    "and passwords like your name or email address."
)


class SignInForm(AuthenticationForm):
    """Django's sign-in form with GOV.UK wording for its errors."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": "Enter a correct email address and password",
        "inactive": "This account has been switched off. Ask your programme's team to restore it",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "Email address"
        self.fields["username"].error_messages["required"] = "Enter your email address"
        self.fields["password"].error_messages["required"] = "Enter your password"


# --- passwords: Django's forms in GOV.UK words ---------------------------------------------


def _new_password_fields(form) -> None:
    first, second = form.fields["new_password1"], form.fields["new_password2"]
    first.label, first.help_text = "New password", PASSWORD_HINT
    first.error_messages["required"] = "Enter a new password"
    second.label, second.help_text = "Confirm new password", ""
    second.error_messages["required"] = "Confirm your new password"


class GovukPasswordResetForm(PasswordResetForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        email = self.fields["email"]
        email.label = "Email address"
        email.help_text = "The address you sign in with."
        email.error_messages.update(
            required="Enter your email address",
            invalid="Enter an email address in the correct format, like name@example.com",
        )


class GovukSetPasswordForm(SetPasswordForm):
    error_messages = {
        **SetPasswordForm.error_messages,
        "password_mismatch": "The passwords do not match",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _new_password_fields(self)


class GovukPasswordChangeForm(PasswordChangeForm):
    error_messages = {
        **PasswordChangeForm.error_messages,
        "password_mismatch": "The passwords do not match",
        "password_incorrect": "Your current password is not right: enter it again",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _new_password_fields(self)
        current = self.fields["old_password"]
        current.label = "Current password"
        current.error_messages["required"] = "Enter your current password"
        current.widget.attrs.pop("autofocus", None)
