"""Forms for setting a programme up: its settings, convening organisations and rates."""

from django import forms
from django.core.exceptions import ValidationError

from partnerbase.core.forms import GovukDateField
from partnerbase.directory.models import OrganisationKind
from partnerbase.programmes.models import PhaseBanner, Programme

DEFAULT_RETENTION_MONTHS = Programme._meta.get_field("applicant_retention_months").default

# Words that are pages under /programmes/, so never a programme's slug.
RESERVED_SLUGS = {"new"}
# The kinds of organisation that own or convene a programme.
OWNER_KINDS = [
    (OrganisationKind.GOVERNMENT_DEPARTMENT.value, OrganisationKind.GOVERNMENT_DEPARTMENT.label),
    (OrganisationKind.LOCAL_AUTHORITY.value, OrganisationKind.LOCAL_AUTHORITY.label),
    (OrganisationKind.FUNDER.value, OrganisationKind.FUNDER.label),
    (OrganisationKind.CHARITY.value, OrganisationKind.CHARITY.label),
    (OrganisationKind.INTERMEDIARY.value, OrganisationKind.INTERMEDIARY.label),
    (OrganisationKind.BUSINESS.value, OrganisationKind.BUSINESS.label),
]


def _currency(value: str, label: str) -> str:
    code = value.strip().upper()
    if not (len(code) == 3 and code.isalpha() and code.isascii()):
        raise ValidationError(f"Enter {label} as a three-letter code, like GBP")
    return code


class SettingsForm(forms.Form):
    name = forms.CharField(
        label="Programme name",
        max_length=200,
        error_messages={"required": "Enter the programme's name"},
    )
    description = forms.CharField(
        label="Description",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="One or two sentences for the public page and the report.",
    )
    starts_on = GovukDateField(
        label="Start date", error_name="The start date", help_text="For example, 1 9 2017"
    )
    ends_on = GovukDateField(
        label="End date",
        error_name="The end date",
        required=False,
        help_text="Leave blank while the programme has no set end. For example, 30 9 2018",
    )
    reference_currency = forms.CharField(
        label="Reference currency",
        max_length=3,
        initial="GBP",
        help_text="Figures are added up in this currency: a three-letter code, like GBP.",
        error_messages={"required": "Enter the reference currency, like GBP"},
    )
    display_currencies = forms.CharField(
        label="Display currencies",
        required=False,
        max_length=60,
        initial="USD",
        help_text="Shown beside the reference currency, like “USD” or “USD, EUR”.",
    )

    def clean_reference_currency(self):
        return _currency(self.cleaned_data["reference_currency"], "the reference currency")

    def clean_display_currencies(self):
        text = self.cleaned_data["display_currencies"]
        codes = [c for c in text.replace(" ", ",").split(",") if c]
        codes = [_currency(c, "each display currency") for c in codes]
        return ",".join(dict.fromkeys(codes))

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", "The end date must be the same as or after the start date")
        reference = cleaned.get("reference_currency")
        shown = cleaned.get("display_currencies", "").split(",")
        if reference and reference in shown:
            self.add_error(
                "display_currencies",
                f"Display currencies are shown beside {reference}: leave {reference} out",
            )
        return cleaned


class ProgrammeSettingsForm(SettingsForm):
    report_date = GovukDateField(
        label="Report date",
        error_name="The report date",
        required=False,
        help_text="The date the figures are reported at: display currencies use the rate on "
        "it. Leave blank to report at the end of the period shown.",
    )
    applicant_retention_months = forms.IntegerField(
        label="Keep unsuccessful applicants' personal data for (months)",
        min_value=1,
        max_value=120,
        required=False,
        help_text="After the decision; then their names and email addresses are erased and "
        "their organisations' applications stay. Leave blank for the standard 12 months.",
        error_messages={
            "invalid": "Enter a whole number of months, like 12",
            "min_value": "Keep the data for at least 1 month",
            "max_value": "Keep the data for no more than 120 months (10 years)",
        },
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )

    def clean_applicant_retention_months(self):
        months = self.cleaned_data["applicant_retention_months"]
        return DEFAULT_RETENTION_MONTHS if months is None else months


class PublicPageFields(forms.Form):
    """What the public page shows besides the figures: the contact, its statements and its
    phase banner."""

    department_contact = forms.CharField(
        label="Department contact",
        required=False,
        max_length=300,
        help_text="An email address or web page the public can use, shown on the public page.",
    )
    phase_banner = forms.ChoiceField(
        label="Phase banner on the public page",
        required=False,
        choices=PhaseBanner.choices,
        help_text="GOV.UK's “Alpha” or “Beta” banner; none unless you choose one.",
    )
    accessibility_statement = forms.CharField(
        label="Accessibility statement",
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Leave blank for the standard statement, after GOV.UK's model. Separate "
        "paragraphs with a blank line; start a line with ## for a heading.",
    )
    privacy_notice = forms.CharField(
        label="Privacy notice",
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Leave blank for the standard notice. Separate paragraphs with a blank line; "
        "start a line with ## for a heading.",
    )


class ProgrammePublicSettingsForm(ProgrammeSettingsForm, PublicPageFields):
    pass


class NewProgrammeForm(SettingsForm):
    slug = forms.SlugField(
        label="Short name for web addresses",
        max_length=80,
        help_text="Lower-case letters, numbers and hyphens, like northern-inclusion. It "
        "cannot be changed later.",
        error_messages={
            "required": "Enter a short name for web addresses",
            "invalid": "Use only lower-case letters, numbers and hyphens in the short name",
        },
    )
    owner_name = forms.CharField(
        label="Owning department or organisation",
        max_length=300,
        help_text="It convenes the programme; add other convening organisations later.",
        error_messages={"required": "Enter the department or organisation that owns it"},
    )
    owner_kind = forms.ChoiceField(label="What kind of organisation is it?", choices=OWNER_KINDS)

    field_order = ["name", "slug", "description", "owner_name", "owner_kind"]

    def clean_slug(self):
        slug = self.cleaned_data["slug"].lower()
        if slug in RESERVED_SLUGS:
            raise ValidationError(f"“{slug}” is kept for a page: choose another short name")
        if Programme.objects.filter(slug=slug).exists():
            raise ValidationError("A programme already has that short name: choose another")
        return slug


class ConvenerAddForm(forms.Form):
    organisation = forms.ModelChoiceField(
        queryset=None,
        label="Organisation",
        empty_label="Choose an organisation",
        error_messages={"required": "Choose the organisation that convenes the programme"},
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
