from django import forms

from partnerbase.core.forms import GovukDateField

from . import orgid
from .models import EngagementKind, OrganisationKind, SectorGroup


class OrganisationForm(forms.Form):
    name = forms.CharField(max_length=200, label="Name")
    kind = forms.ChoiceField(
        choices=OrganisationKind.choices, widget=forms.RadioSelect, label="Kind of organisation"
    )
    sector_group = forms.ChoiceField(
        choices=SectorGroup.choices,
        widget=forms.RadioSelect,
        required=False,
        label="Sector",
        help_text="Leave it empty to use the usual sector for the kind of organisation.",
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
    employee_count = forms.IntegerField(
        required=False, min_value=0, label="Number of employees", widget=forms.TextInput
    )
    customer_count = forms.IntegerField(
        required=False, min_value=0, label="Number of customers", widget=forms.TextInput
    )
    national_reach = forms.BooleanField(required=False, label="It works across the whole country")
    responsible_business_notes = forms.CharField(
        required=False,
        label="Responsible-business notes",
        help_text="Its responsible-business agenda: commitments, reports, awards.",
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    website = forms.URLField(required=False, max_length=200, label="Website", assume_scheme="https")
    description = forms.CharField(
        required=False, label="About the organisation", widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        messages = {
            ("name", "required"): "Enter the organisation's name",
            ("name", "max_length"): "The name must be 200 characters or fewer",
            ("kind", "required"): "Select the kind of organisation",
            ("kind", "invalid_choice"): "Select the kind of organisation",
            ("sector_group", "invalid_choice"): "Select the sector",
            ("regions", "max_length"): "Regions must be 300 characters or fewer",
            ("website", "invalid"): (
                "Enter the website address in the correct format, like https://www.example.org"
            ),
        }
        for (name, code), message in messages.items():
            self.fields[name].error_messages[code] = message
        for name, what in (("employee_count", "employees"), ("customer_count", "customers")):
            for code in ("invalid", "min_value"):
                self.fields[name].error_messages[code] = (
                    f"Enter the number of {what} as a whole number, 0 or more"
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


def organisation_initial(organisation) -> dict:
    """The organisation form's values for an existing organisation."""
    initial = {
        name: getattr(organisation, name)
        for name in OrganisationForm.base_fields
        if name != "identifiers"
    }
    initial["identifiers"] = "\n".join(str(i) for i in organisation.identifiers.all())
    return initial


class PersonForm(forms.Form):
    name = forms.CharField(max_length=200, label="Full name")
    job_title = forms.CharField(required=False, max_length=200, label="Job title")
    email = forms.EmailField(required=False, label="Email address")
    phone = forms.RegexField(
        required=False,
        max_length=40,
        regex=r"^\+?[0-9 ()-]{6,}$",
        label="Telephone number",
        help_text="For example, 01632 960 001 or +44 808 157 0192",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].error_messages["required"] = "Enter the person's full name"
        self.fields["name"].error_messages["max_length"] = (
            "The name must be 200 characters or fewer"
        )
        self.fields["email"].error_messages["invalid"] = (
            "Enter an email address in the correct format, like name@example.com"
        )
        for code in ("invalid", "max_length"):
            self.fields["phone"].error_messages[code] = (
                "Enter a telephone number, like 01632 960 001 or +44 808 157 0192"
            )


class MergeChoiceForm(forms.Form):
    other = forms.ModelChoiceField(
        queryset=None,
        label="Which other record is the same organisation?",
        empty_label="Choose a record",
        to_field_name="uid",
    )

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["other"].queryset = (
            type(organisation)
            .objects.filter(programme_id=organisation.programme_id)
            .exclude(pk=organisation.pk)
            .order_by("name")
        )
        for code in ("required", "invalid_choice"):
            self.fields["other"].error_messages[code] = (
                "Select the other record of this organisation"
            )


class MergeConfirmForm(forms.Form):
    keep = forms.ChoiceField(widget=forms.RadioSelect, label="Which record do you want to keep?")

    def __init__(self, *args, organisation, other, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["keep"].choices = [
            (str(organisation.uid), f"{organisation.name} (this record)"),
            (str(other.uid), f"{other.name} (the other record)"),
        ]
        self.fields[
            "keep"
        ].help_text = (
            "The kept record keeps its details; details it lacks are taken from the other."
        )
        for code in ("required", "invalid_choice"):
            self.fields["keep"].error_messages[code] = "Select which record to keep"


class EngagementForm(forms.Form):
    kind = forms.ChoiceField(
        choices=EngagementKind.choices, widget=forms.RadioSelect, label="Kind of contact"
    )
    occurred_on = GovukDateField(label="Date", help_text="For example, 27 3 2018")
    summary = forms.CharField(max_length=300, label="Summary")
    notes = forms.CharField(required=False, label="Notes", widget=forms.Textarea(attrs={"rows": 4}))
