from django import forms

from partnerbase.core.forms import GovukDateField

from . import orgid
from .models import EngagementKind, OrganisationKind


class OrganisationForm(forms.Form):
    name = forms.CharField(max_length=200, label="Name")
    kind = forms.ChoiceField(
        choices=OrganisationKind.choices, widget=forms.RadioSelect, label="Kind of organisation"
    )
    identifiers = forms.CharField(
        required=False,
        label="Identifiers",
        help_text="Org-id identifiers, one per line, like GB-CHC-1090393 or GB-COH-09506232.",
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    regions = forms.CharField(
        required=False,
        max_length=300,
        label="Regions",
        help_text="Where it works, separated by commas.",
    )
    description = forms.CharField(
        required=False, label="About the organisation", widget=forms.Textarea(attrs={"rows": 4})
    )

    def clean_identifiers(self):
        values = [line.strip() for line in self.cleaned_data["identifiers"].splitlines()]
        values = [v for v in values if v]
        errors = []
        for value in values:
            try:
                orgid.parse(value)
            except orgid.InvalidOrgId as exc:
                errors.append(str(exc))
        if errors:
            raise forms.ValidationError(errors)
        return values


class EngagementForm(forms.Form):
    kind = forms.ChoiceField(
        choices=EngagementKind.choices, widget=forms.RadioSelect, label="Kind of contact"
    )
    occurred_on = GovukDateField(label="Date", help_text="For example, 27 3 2018")
    summary = forms.CharField(max_length=300, label="Summary")
    notes = forms.CharField(required=False, label="Notes", widget=forms.Textarea(attrs={"rows": 4}))
