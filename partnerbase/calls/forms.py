from django import forms
from django.contrib.auth.password_validation import password_validators_help_texts

from partnerbase.challenges.models import ChallengeArea
from partnerbase.core.forms import GovukDateField
from partnerbase.directory.models import OrganisationKind

from . import deadlines
from .models import Call, QuestionKind, RuleKind
from .services.applicants import APPLICANT_KINDS

TIME_HINT = "UK time, for example 12pm, 9:30am or 17:00"


class UkTimeField(forms.CharField):
    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        try:
            return deadlines.parse_time(value)
        except ValueError as exc:
            raise forms.ValidationError(str(exc)) from None


class CallForm(forms.Form):
    accelerator = forms.ModelChoiceField(queryset=None, label="Accelerator", empty_label=None)
    title = forms.CharField(max_length=200, label="Title")
    slug = forms.SlugField(
        max_length=80,
        label="Web address",
        help_text="Lower-case letters, numbers and hyphens, for example partnership-accelerator",
    )
    summary = forms.CharField(
        required=False, label="Summary", widget=forms.Textarea(attrs={"rows": 5})
    )
    opens_on = GovukDateField(label="Opening date", help_text="For example, 1 8 2017")
    opens_time = UkTimeField(label="Opening time", help_text=TIME_HINT)
    closes_on = GovukDateField(label="Closing date", help_text="For example, 3 11 2017")
    closes_time = UkTimeField(label="Closing time", help_text=TIME_HINT)
    challenge_areas = forms.ModelMultipleChoiceField(
        queryset=None,
        required=False,
        label="Challenge areas",
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["accelerator"].queryset = programme_accelerators(programme)
        self.fields["challenge_areas"].queryset = programme_challenge_areas(programme)
        required = {
            "accelerator": "Select the accelerator",
            "title": "Enter the call's title",
            "slug": "Enter the web address",
            "opens_time": "Enter the opening time",
            "closes_time": "Enter the closing time",
        }
        for name, message in required.items():
            self.fields[name].error_messages["required"] = message
        self.fields["slug"].error_messages["invalid"] = (
            "The web address must only include lower-case letters, numbers and hyphens"
        )

    def clean(self):
        data = super().clean()
        for prefix in ("opens", "closes"):
            day, at = data.get(f"{prefix}_on"), data.get(f"{prefix}_time")
            if day and at:
                try:
                    data[f"{prefix}_at"] = deadlines.uk_local(day, at)
                except deadlines.NonexistentTime as exc:
                    self.add_error(f"{prefix}_time", str(exc))
        if data.get("opens_at") and data.get("closes_at") and data["closes_at"] <= data["opens_at"]:
            self.add_error("closes_on", "The closing date and time must be after the opening")
        return data


def programme_accelerators(programme):
    # The model Call.accelerator points to: calls sits below the accelerator app.
    accelerator_model = Call._meta.get_field("accelerator").related_model
    return accelerator_model.objects.filter(programme=programme)


def programme_challenge_areas(programme):
    return ChallengeArea.objects.filter(programme=programme)


class QuestionForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].error_messages["required"] = "Enter the question"
        self.fields["kind"].error_messages["required"] = "Select the kind of answer"

    kind = forms.ChoiceField(
        choices=QuestionKind.choices, widget=forms.RadioSelect, label="Kind of answer"
    )
    text = forms.CharField(max_length=300, label="Question")
    help_text = forms.CharField(
        required=False, label="Help text", widget=forms.Textarea(attrs={"rows": 3})
    )
    required = forms.BooleanField(required=False, label="Applicants must answer this question")
    word_limit = forms.IntegerField(
        required=False, min_value=1, label="Word limit", help_text="Text questions only"
    )
    min_value = forms.IntegerField(required=False, label="Minimum", help_text="Numbers only")
    max_value = forms.IntegerField(required=False, label="Maximum", help_text="Numbers only")
    prefix = forms.CharField(
        required=False, max_length=8, label="Prefix", help_text="Numbers only, for example £"
    )
    options = forms.CharField(
        required=False,
        label="Options",
        help_text="Choice questions only: one option per line",
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class RuleForm(forms.Form):
    kind = forms.ChoiceField(choices=RuleKind.choices, widget=forms.RadioSelect, label="Rule")
    values = forms.CharField(
        required=False,
        label="Values",
        help_text=(
            "One per line: organisation kinds ("
            + ", ".join(OrganisationKind.values)
            + "), regions, or the answers allowed"
        ),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    amount = forms.IntegerField(
        required=False,
        min_value=0,
        label="Amount",
        help_text="The most annual income, or the least number of years since founding",
    )
    question = forms.ModelChoiceField(
        queryset=None,
        required=False,
        label="Question the rule checks",
        empty_label="No question (kind or region rules)",
    )

    def __init__(self, *args, call, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].error_messages["required"] = "Select the rule"
        self.fields["question"].queryset = call.questions.all()


class RegisterForm(forms.Form):
    full_name = forms.CharField(max_length=200, label="Your full name")
    email = forms.EmailField(label="Email address")
    password = forms.CharField(
        label="Create a password", widget=forms.PasswordInput(render_value=False)
    )
    organisation_name = forms.CharField(max_length=200, label="Your organisation's name")
    kind = forms.ChoiceField(
        choices=[(k, OrganisationKind(k).label) for k in APPLICANT_KINDS],
        widget=forms.RadioSelect,
        label="Kind of organisation",
    )
    region = forms.CharField(
        required=False,
        max_length=300,
        label="Where your organisation operates",
        help_text="Regions, separated by commas, for example London, North West",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        messages = {
            "full_name": "Enter your full name",
            "email": "Enter your email address",
            "password": "Create a password",
            "organisation_name": "Enter your organisation's name",
            "kind": "Select the kind of organisation",
        }
        for name, message in messages.items():
            self.fields[name].error_messages["required"] = message
        # The configured validators' own rules, so the hint cannot drift from what is checked.
        self.fields["password"].help_text = " ".join(password_validators_help_texts())
        self.fields["email"].error_messages["invalid"] = (
            "Enter an email address in the correct format, like name@example.com"
        )


class ConfirmForm(forms.Form):
    password = forms.CharField(
        label="Password",
        help_text="The password you chose when you created the account",
        widget=forms.PasswordInput(render_value=False),
        error_messages={"required": "Enter your password"},
    )


def rule_fields(data: dict) -> dict:
    """A valid RuleForm's data as the rule services take it (rule_add, rule_update)."""
    return {
        "kind": data["kind"],
        "values": data["values"].splitlines(),
        "amount": data["amount"],
        "question": data["question"],
    }
