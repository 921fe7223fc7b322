from decimal import Decimal

from django import forms

from partnerbase.accounts.models import Role, User
from partnerbase.challenges.models import ChallengeArea
from partnerbase.core.forms import GovukDateField
from partnerbase.directory.models import Organisation

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
        queryset=None, label="Judge", empty_label="Choose an assessor",
        help_text="Judges are people with the assessor role in the programme.",
    )  # fmt: skip
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
        max_digits=14, decimal_places=2, min_value=Decimal("0.01"), label="Prize amount",
        error_messages={"required": "Enter the prize amount",
                        "invalid": "The prize amount must be a number, like 250000"},
    )  # fmt: skip
    award_date = GovukDateField(label="Date awarded", help_text="For example, 14 3 2019")
    title = forms.CharField(
        max_length=300,
        required=False,
        label="Title",
        help_text="Leave blank for “<competition>: prize to <entrant>”.",
    )
