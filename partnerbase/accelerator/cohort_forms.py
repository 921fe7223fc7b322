"""Forms for setting up the accelerator: the accelerator itself, its cohorts and their places."""

from django import forms

from partnerbase.challenges.models import ChallengeArea
from partnerbase.core.forms import GovukDateField
from partnerbase.directory.models import Organisation


def _ends_after_starts(form, what: str) -> None:
    starts, ends = form.cleaned_data.get("starts_on"), form.cleaned_data.get("ends_on")
    if starts and ends and ends < starts:
        form.add_error("ends_on", f"The {what} must end on or after it starts")


class AcceleratorForm(forms.Form):
    name = forms.CharField(
        max_length=200,
        label="Name",
        help_text="For example, Inclusive Economy Partnership accelerator",
        error_messages={"required": "Enter the accelerator's name"},
    )
    delivery_partner = forms.ModelChoiceField(
        queryset=Organisation.objects.none(),
        required=False,
        label="Delivery partner",
        help_text="The organisation that runs it with you, for example Nesta.",
        empty_label="Choose an organisation",
        error_messages={"invalid_choice": "Choose one of the programme's organisations"},
    )
    starts_on = GovukDateField(
        label="Start date", help_text="For example, 1 2 2018", error_name="The start date"
    )
    ends_on = GovukDateField(
        label="End date",
        required=False,
        help_text="For example, 31 7 2018",
        error_name="The end date",
    )
    description = forms.CharField(
        required=False,
        label="Description",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
    )

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["delivery_partner"].queryset = Organisation.objects.filter(
            programme=programme
        ).order_by("name")

    def clean(self):
        data = super().clean()
        _ends_after_starts(self, "accelerator")
        return data


class CohortForm(forms.Form):
    name = forms.CharField(
        max_length=200,
        label="Name",
        help_text="For example, 2018 cohort",
        error_messages={"required": "Enter the cohort's name"},
    )
    starts_on = GovukDateField(
        label="Start date", help_text="For example, 1 2 2018", error_name="The start date"
    )
    ends_on = GovukDateField(
        label="End date",
        required=False,
        help_text="For example, 31 7 2018",
        error_name="The end date",
    )

    def clean(self):
        data = super().clean()
        _ends_after_starts(self, "cohort")
        return data


class PlaceForm(forms.Form):
    """Give an organisation a place in the cohort (selection from a call does it too)."""

    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.none(),
        label="Innovator",
        help_text="An organisation already recorded, without a place in this cohort.",
        empty_label="Choose an organisation",
        error_messages={
            "required": "Choose the innovator",
            "invalid_choice": "Choose an organisation without a place in this cohort",
        },
    )
    challenge_area = forms.ModelChoiceField(
        queryset=ChallengeArea.objects.none(),
        required=False,
        label="Challenge area",
        empty_label="None",
    )
    joined_on = GovukDateField(
        label="Date joined", help_text="For example, 1 2 2018", error_name="The date joined"
    )

    def __init__(self, *args, cohort, **kwargs):
        super().__init__(*args, **kwargs)
        programme = cohort.accelerator.programme
        self.fields["organisation"].queryset = (
            Organisation.objects.filter(programme=programme, convenes_programme=False)
            .exclude(cohort_memberships__cohort=cohort)
            .order_by("name")
        )
        self.fields["challenge_area"].queryset = ChallengeArea.objects.filter(programme=programme)
        self.initial.setdefault("joined_on", cohort.starts_on)
