from decimal import Decimal, InvalidOperation

from django import forms

from partnerbase.core.forms import GovukDateField
from partnerbase.directory.models import Organisation

from .models import DisbursementKind, Instrument, RepaymentMethod


def parse_amount(text: str, *, name: str = "The amount") -> Decimal:
    """ "£80,500.00" -> Decimal("80500.00"); never a float."""
    cleaned = text.strip().lstrip("£$€").replace(",", "").strip()
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise forms.ValidationError(f"{name} must be a number, like 20000 or 20000.50") from None
    if not value.is_finite():
        raise forms.ValidationError(f"{name} must be a number, like 20000 or 20000.50")
    if value <= 0:
        raise forms.ValidationError(f"{name} must be more than 0")
    return value


class AmountField(forms.CharField):
    def __init__(self, *, error_name="The amount", **kwargs):
        self.error_name = error_name
        kwargs.setdefault("max_length", 30)
        super().__init__(**kwargs)

    def clean(self, value):
        text = super().clean(value)
        return parse_amount(text, name=self.error_name) if text else None


class OrganisationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class AwardForm(forms.Form):
    title = forms.CharField(max_length=300, label="Title", help_text="For example, UnLtd loan")
    instrument = forms.ChoiceField(
        choices=Instrument.choices, widget=forms.RadioSelect, label="Kind of funding"
    )
    funder = OrganisationChoiceField(queryset=Organisation.objects.none(), label="Funder")
    recipient = OrganisationChoiceField(queryset=Organisation.objects.none(), label="Recipient")
    via_intermediary = OrganisationChoiceField(
        queryset=Organisation.objects.none(),
        required=False,
        label="Through an intermediary",
        help_text="The organisation that arranged it, if any.",
    )
    amount = AmountField(
        label="Amount", help_text="In the award's own currency. For in-kind support, its value."
    )
    currency = forms.CharField(
        max_length=3, initial="GBP", label="Currency", help_text="Three letters, like GBP or USD"
    )
    award_date = GovukDateField(label="Award date", help_text="For example, 14 5 2018")
    confirmed = forms.BooleanField(
        required=False, initial=True, label="The funder has confirmed the award"
    )
    interest_rate_percent = forms.DecimalField(
        required=False,
        min_value=0,
        max_value=100,
        max_digits=6,
        decimal_places=3,
        label="Interest rate (% a year)",
        help_text="Social loans only. For example, 5",
    )
    term_months = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=600,
        label="Term in months",
        help_text="Social loans only. For example, 36",
    )
    repayment_method = forms.ChoiceField(
        required=False,
        choices=RepaymentMethod.choices,
        widget=forms.RadioSelect,
        label="How it is repaid",
        help_text="Social loans only. Equal instalments if you do not choose.",
    )
    first_repayment_on = GovukDateField(
        required=False,
        label="First repayment due",
        help_text="Social loans only. One month after the award date if you leave it blank.",
    )
    description = forms.CharField(
        required=False, label="Notes", widget=forms.Textarea(attrs={"rows": 3})
    )

    LOAN_FIELDS = ("interest_rate_percent", "term_months", "repayment_method", "first_repayment_on")

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        organisations = Organisation.objects.filter(programme=programme).order_by("name")
        for name in ("funder", "recipient", "via_intermediary"):
            self.fields[name].queryset = organisations

    def clean_currency(self):
        code = self.cleaned_data["currency"].strip().upper()
        if len(code) != 3 or not code.isalpha() or not code.isascii():
            raise forms.ValidationError("Enter a three-letter currency code, like GBP")
        return code

    def clean(self):
        data = super().clean()
        if data.get("instrument") and data["instrument"] != Instrument.SOCIAL_LOAN:
            for name in self.LOAN_FIELDS:
                if data.get(name) not in (None, ""):
                    self.add_error(name, "Only a social loan has loan terms: leave this blank")
        return data


class DisbursementForm(forms.Form):
    kind = forms.ChoiceField(
        choices=DisbursementKind.choices,
        widget=forms.RadioSelect,
        label="Is this disbursement planned or made?",
    )
    on = GovukDateField(label="Date", help_text="For example, 1 6 2018")
    amount = AmountField(label="Amount")
    notes = forms.CharField(required=False, max_length=300, label="Notes")


class RepaymentForm(forms.Form):
    paid_on = GovukDateField(label="Date paid", help_text="For example, 14 7 2018")
    amount = AmountField(label="Amount repaid")
    notes = forms.CharField(required=False, max_length=300, label="Notes")
