from decimal import Decimal

from django import forms

from partnerbase.accounts.models import Role, User
from partnerbase.challenges.models import ChallengeArea
from partnerbase.core.currencies import exponent
from partnerbase.core.forms import GovukDateField
from partnerbase.directory.models import Organisation
from partnerbase.funding.forms import AmountField

from .models import CoalitionRole, ObservationQuality, ProjectStatus
from .services.projects import NEXT_STATUSES


def _organisations(programme):
    return forms.ModelChoiceField(
        queryset=Organisation.objects.filter(programme=programme).order_by("name"),
        label="Organisation",
        empty_label="Choose an organisation",
    )


class ProjectForm(forms.Form):
    name = forms.CharField(max_length=300, label="Name")
    challenge_area = forms.ModelChoiceField(
        queryset=ChallengeArea.objects.none(),
        required=False,
        widget=forms.RadioSelect,
        label="Challenge area",
    )
    region = forms.CharField(max_length=200, required=False, label="Region")
    origin = forms.CharField(
        max_length=300,
        required=False,
        label="Where the idea came from",
        help_text="The working group or idea it came from.",
    )
    description = forms.CharField(
        required=False, label="About the project", widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["challenge_area"].queryset = ChallengeArea.objects.filter(programme=programme)


class CoalitionMemberForm(forms.Form):
    role = forms.ChoiceField(choices=CoalitionRole.choices, widget=forms.RadioSelect, label="Role")
    joined_on = GovukDateField(
        required=False, label="Date joined", help_text="For example, 4 6 2018"
    )

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields = {"organisation": _organisations(programme), **self.fields}


class StatusForm(forms.Form):
    status = forms.ChoiceField(choices=(), widget=forms.RadioSelect, label="New status")
    launch_date = GovukDateField(
        required=False,
        label="Launch date",
        help_text="Needed when the project launches. For example, 4 6 2018",
    )

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = NEXT_STATUSES[ProjectStatus(project.status)]
        self.fields["status"].choices = [(s.value, s.label) for s in ProjectStatus if s in allowed]
        if project.launch_date:
            self.fields["launch_date"].initial = project.launch_date


class IndicatorForm(forms.Form):
    name = forms.CharField(max_length=200, label="Name", help_text="For example, People reached")
    unit = forms.CharField(max_length=60, label="Unit", help_text="For example, people")


class ObservationForm(forms.Form):
    indicator = forms.ModelChoiceField(
        queryset=None, widget=forms.RadioSelect, label="Indicator", empty_label=None
    )
    observed_on = GovukDateField(label="Date of the observation", help_text="For example, 1 9 2018")
    value = forms.DecimalField(max_digits=18, decimal_places=4, label="Value")
    quality = forms.ChoiceField(
        choices=ObservationQuality.choices, widget=forms.RadioSelect, label="Estimate or verified"
    )
    evidence = forms.CharField(
        required=False,
        label="Evidence",
        help_text="Where the value comes from. Needed for a verified value.",
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].queryset = project.indicators.all()


class EntryForm(forms.Form):
    title = forms.CharField(max_length=300, label="Title of the entry")
    summary = forms.CharField(
        required=False, label="Summary", widget=forms.Textarea(attrs={"rows": 4})
    )
    entered_on = GovukDateField(label="Date entered", help_text="For example, 12 3 2018")

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields = {"organisation": _organisations(programme), **self.fields}
        self.fields["organisation"].label = "Entrant"


class JudgeForm(forms.Form):
    user = forms.ModelChoiceField(
        queryset=None,
        label="Judge",
        empty_label="Choose an assessor",
        help_text="Judges are people with the assessor role in the programme.",
    )
    entries = forms.ModelMultipleChoiceField(
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Entries to judge",
        help_text="A judge cannot judge their own organisation's entry or a partner's.",
    )

    def __init__(self, *args, competition, **kwargs):
        super().__init__(*args, **kwargs)
        programme = competition.programme
        self.fields["user"].queryset = User.objects.filter(
            memberships__programme=programme, memberships__role=Role.ASSESSOR
        ).distinct()
        organisation = _organisations(programme)
        organisation.required = False
        organisation.label = "Organisation the judge works for"
        organisation.empty_label = "None"
        self.fields = {
            "user": self.fields["user"],
            "organisation": organisation,
            "entries": self.fields["entries"],
        }
        self.fields["entries"].queryset = competition.entries.select_related("organisation")
        self.fields["entries"].label_from_instance = lambda e: f"{e.title} ({e.organisation})"


class ScoreForm(forms.Form):
    """One number field per rubric criterion, named criterion_<id>."""

    def __init__(self, *args, criteria, initial_scores=None, **kwargs):
        super().__init__(*args, **kwargs)
        initial_scores = initial_scores or {}
        for c in criteria:
            self.fields[f"criterion_{c.pk}"] = forms.IntegerField(
                label=c.name,
                min_value=c.min_score,
                max_value=c.max_score,
                initial=initial_scores.get(c.pk),
                help_text=f"A whole number from {c.min_score} to {c.max_score}.",
                error_messages={
                    "required": f"Enter a score for {c.name}",
                    "invalid": f"The score for {c.name} must be a whole number",
                    "min_value": f"The score for {c.name} must be {c.min_score} or more",
                    "max_value": f"The score for {c.name} must be {c.max_score} or less",
                },
                widget=forms.TextInput(
                    attrs={"inputmode": "numeric", "class": "govuk-input--width-2"}
                ),
            )

    def scores(self) -> dict[int, int]:
        return {int(name.split("_")[1]): value for name, value in self.cleaned_data.items()}


class AwardForm(forms.Form):
    amount = forms.DecimalField(
        max_digits=14,
        decimal_places=2,
        min_value=Decimal("0.01"),
        label="Prize amount",
        error_messages={
            "required": "Enter the prize amount",
            "invalid": "The prize amount must be a number, like 250000",
        },
    )
    award_date = GovukDateField(label="Date awarded", help_text="For example, 14 3 2019")
    title = forms.CharField(
        max_length=300,
        required=False,
        label="Title",
        help_text="Leave blank for “<competition>: prize to <entrant>”.",
    )


# --- setting up a competition ------------------------------------------------------------

CURRENCY_NAMES = {"GBP": "Pounds sterling (GBP)", "USD": "US dollars (USD)", "EUR": "Euros (EUR)"}


def _whole_number(label, *, min_value, max_value, **kwargs):
    name = f"The {label.lower()}"
    return forms.IntegerField(
        label=label,
        min_value=min_value,
        max_value=max_value,
        error_messages={
            "required": f"Enter the {label.lower()}",
            "invalid": f"{name} must be a whole number",
            "min_value": f"{name} must be {min_value} or more",
            "max_value": f"{name} must be {max_value} or less",
        },
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}),
        **kwargs,
    )


class CompetitionForm(forms.Form):
    name = forms.CharField(
        max_length=300,
        label="Name",
        error_messages={"required": "Enter the name of the competition"},
    )
    prize_fund = AmountField(
        label="Prize fund",
        error_name="The prize fund",
        help_text="The whole fund, in the currency below. For example, 3000000",
        error_messages={"required": "Enter the prize fund"},
        widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "govuk-input--width-10"}),
    )
    currency = forms.ChoiceField(label="Currency of the prize fund")
    launch_date = GovukDateField(label="Launch date", help_text="For example, 1 3 2018")
    challenge_area = forms.ModelChoiceField(
        queryset=ChallengeArea.objects.none(),
        required=False,
        label="Challenge area",
        empty_label="None",
    )
    description = forms.CharField(
        required=False, label="About the competition", widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        sponsor = _organisations(programme)
        sponsor.label = "Sponsor"
        sponsor.error_messages["required"] = "Choose the sponsor"
        self.fields = {"name": self.fields.pop("name"), "sponsor": sponsor, **self.fields}
        reference = programme.reference_currency
        codes = list(CURRENCY_NAMES) + ([] if reference in CURRENCY_NAMES else [reference])
        self.fields["currency"].choices = [(c, CURRENCY_NAMES.get(c, c)) for c in codes]
        self.fields["currency"].initial = reference
        self.fields["challenge_area"].queryset = ChallengeArea.objects.filter(programme=programme)

    def clean(self):
        data = super().clean()
        amount, currency = data.get("prize_fund"), data.get("currency")
        if amount is not None and currency:
            places = exponent(currency)
            if amount != amount.quantize(Decimal(1).scaleb(-places)):
                self.add_error(
                    "prize_fund",
                    f"The prize fund can have at most {places} decimal places in {currency}"
                    if places
                    else f"The prize fund must be a whole number of {currency}",
                )
        return data


class StageForm(forms.Form):
    name = forms.CharField(
        max_length=200,
        label="Name of the stage",
        help_text="For example, Open call",
        error_messages={"required": "Enter the name of the stage"},
    )
    starts_on = GovukDateField(label="Start date", help_text="For example, 1 3 2018")
    ends_on = GovukDateField(
        required=False, label="End date", help_text="Leave blank for a stage of one day."
    )

    def clean(self):
        data = super().clean()
        starts_on, ends_on = data.get("starts_on"), data.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", "The end date must be the same as or after the start date")
        return data


class CriterionForm(forms.Form):
    name = forms.CharField(
        max_length=200,
        label="Criterion",
        help_text="For example, Impact",
        error_messages={"required": "Enter the name of the criterion"},
    )
    weight = _whole_number(
        "Weight",
        min_value=1,
        max_value=100,
        initial=1,
        help_text="A criterion of weight 2 counts twice as much as one of weight 1.",
    )
    min_score = _whole_number("Lowest score", min_value=-1000, max_value=1000, initial=0)
    max_score = _whole_number("Highest score", min_value=-1000, max_value=1000, initial=10)

    def clean(self):
        data = super().clean()
        low, high = data.get("min_score"), data.get("max_score")
        if low is not None and high is not None and high <= low:
            self.add_error("max_score", "The highest score must be more than the lowest score")
        return data
