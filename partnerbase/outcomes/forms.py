from django import forms

from partnerbase.core.forms import GovukDateField
from partnerbase.projects.models import ObservationQuality

from .models import OutcomeKind


class IndicatorForm(forms.Form):
    kind = forms.ChoiceField(
        choices=OutcomeKind.choices, widget=forms.RadioSelect, label="What does it measure?"
    )
    name = forms.CharField(
        required=False,
        max_length=200,
        label="Name",
        help_text="Leave blank to use the kind, for example Young people into work",
    )
    unit = forms.CharField(
        required=False,
        max_length=60,
        label="Unit",
        help_text="Leave blank for the usual unit: people, participants, cities, or GBP for "
        "revenue. Needed for Other.",
    )


class ObservationForm(forms.Form):
    observed_on = GovukDateField(
        label="Date of the observation",
        help_text="The date the value was true. For a baseline, the date the innovator joined "
        "or before. For example, 1 2 2018",
    )
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
    evidence_url = forms.URLField(
        required=False, label="Link to the evidence", assume_scheme="https"
    )

    def __init__(self, *args, may_verify: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not may_verify:
            # An innovator's own figures are estimates until the team checks them.
            del self.fields["quality"]


class VerifyForm(forms.Form):
    evidence = forms.CharField(
        label="Evidence",
        help_text="What you checked the value against.",
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    evidence_url = forms.URLField(
        required=False, label="Link to the evidence", assume_scheme="https"
    )
