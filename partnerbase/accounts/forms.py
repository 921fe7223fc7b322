from django import forms
from django.contrib.auth.forms import (
    AuthenticationForm,
    PasswordChangeForm,
    PasswordResetForm,
    SetPasswordForm,
)
from django.contrib.auth.password_validation import password_validators_help_texts
from django.utils.functional import lazy

from .models import Membership, Role


def password_hint() -> str:
    """The configured validators' own rules, so the hint never says 8 where 12 is needed."""
    return " ".join(password_validators_help_texts())


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
    first.label, first.help_text = "New password", password_hint()
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


# --- invitations and roles -------------------------------------------------------------------


class _OrganisationChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


ORGANISATION_HINT = (
    "Needed for a champion, innovator or partner contact. Give it for a working-group "
    "member, accelerator manager or assessor who acts for one (an assessor does not "
    "assess applications from it). The convening team acts for none."
)


class InvitationForm(forms.Form):
    email = forms.EmailField(
        label="Email address",
        error_messages={
            "required": "Enter their email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    full_name = forms.CharField(
        label="Full name",
        required=False,
        max_length=200,
        help_text="Used in the email. They can correct it when they accept.",
    )
    roles = forms.MultipleChoiceField(
        choices=Role.choices,
        widget=forms.CheckboxSelectMultiple,
        label="Roles",
        help_text="Select all that apply.",
        error_messages={"required": "Select at least one role"},
    )
    organisation = _OrganisationChoice(
        queryset=None,
        required=False,
        label="Organisation they act for",
        help_text=ORGANISATION_HINT,
        empty_label="None",
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class RoleForm(forms.Form):
    """Give a role, or change one: the role and the organisation it acts for."""

    role = forms.ChoiceField(
        choices=Role.choices,
        widget=forms.RadioSelect,
        label="Role",
        error_messages={"required": "Select a role"},
    )
    organisation = _OrganisationChoice(
        queryset=None,
        required=False,
        label="Organisation they act for",
        help_text=ORGANISATION_HINT,
        empty_label="None",
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class AcceptInvitationForm(forms.Form):
    """Someone new sets their name and a password; the service checks the password's
    strength (Django's validators) and the two must match."""

    full_name = forms.CharField(
        label="Full name",
        max_length=200,
        error_messages={"required": "Enter your full name"},
        widget=forms.TextInput(attrs={"autocomplete": "name", "spellcheck": "false"}),
    )
    password = forms.CharField(
        label="Create a password",
        strip=False,
        help_text=lazy(password_hint, str)(),
        error_messages={"required": "Enter a password"},
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password_again = forms.CharField(
        label="Confirm your password",
        strip=False,
        error_messages={"required": "Confirm your password"},
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self):
        data = super().clean()
        if data.get("password") and data.get("password_again"):
            if data["password"] != data["password_again"]:
                self.add_error("password_again", "The passwords do not match")
        return data


class ApiTokenForm(forms.Form):
    """Make an API token on the account page."""

    name = forms.CharField(
        max_length=100,
        label="Name",
        help_text="What the token is for, so you can tell your tokens apart.",
        error_messages={
            "required": "Enter a name for the token",
            "max_length": "The name must be 100 characters or fewer",
        },
    )
    programme = forms.ModelChoiceField(
        queryset=None,
        required=False,
        empty_label="Every programme I have a role in",
        label="Programme",
        help_text="The token reads and writes only this programme's records.",
    )
    read_only = forms.BooleanField(
        required=False, label="Read only: it may read records but not change them"
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # The programme model as Membership names it: accounts sits below programmes.
        programmes = Membership._meta.get_field("programme").related_model.objects
        self.fields["programme"].queryset = (
            programmes.all()
            if user.is_superuser
            else programmes.filter(memberships__user=user).distinct()
        ).order_by("name")
