"""Forms of the exchange-rates page: one rate by hand, a correction, or a CSV upload."""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError

from partnerbase.core.forms import GovukDateField

from .rates_import import MAX_PLACES, MAX_WHOLE_DIGITS

MAX_UPLOAD_BYTES = 1_000_000


def _code(value: str, what: str) -> str:
    code = value.strip().upper()
    if not (len(code) == 3 and code.isascii() and code.isalpha()):
        raise ValidationError(f"Enter {what} as a three-letter code, like GBP")
    return code


class RateValueForm(forms.Form):
    rate = forms.DecimalField(
        label="Rate",
        min_value=Decimal("0.00000001"),
        max_digits=MAX_PLACES + MAX_WHOLE_DIGITS,
        decimal_places=MAX_PLACES,
        help_text="How many of the second currency one of the first buys, like 1.3167.",
        widget=forms.TextInput(attrs={"inputmode": "decimal", "spellcheck": "false"}),
        error_messages={
            "required": "Enter the rate",
            "invalid": "Enter the rate as a number, like 1.3167",
            "min_value": "The rate must be more than 0",
            "max_decimal_places": f"Enter the rate with at most {MAX_PLACES} decimal places",
            "max_whole_digits": "The rate is too large",
            "max_digits": "The rate has too many digits",
        },
    )
    source = forms.CharField(
        label="Source",
        max_length=300,
        help_text="Where the rate comes from, like “Bank of England daily spot rate”.",
        error_messages={"required": "Enter where the rate comes from"},
    )


class RateAddForm(RateValueForm):
    rate_date = GovukDateField(
        label="Date", error_name="The date", help_text="For example, 29 9 2017"
    )
    base = forms.CharField(label="From currency", help_text="Like GBP.")
    quote = forms.CharField(label="To currency", help_text="Like USD.")

    field_order = ["rate_date", "base", "quote", "rate", "source"]

    def clean_base(self):
        return _code(self.cleaned_data["base"], "the currency to convert from")

    def clean_quote(self):
        return _code(self.cleaned_data["quote"], "the currency to convert to")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("base") and cleaned.get("base") == cleaned.get("quote"):
            self.add_error("quote", "Enter a currency different from the one to convert from")
        return cleaned


class RatesUploadForm(forms.Form):
    file = forms.FileField(
        label="CSV file",
        help_text="Columns date, from, to, rate, source, with that header row; dates as "
        "YYYY-MM-DD. Every row is checked first: one bad row and nothing is saved.",
        error_messages={"required": "Choose a CSV file of rates", "empty": "The file is empty"},
    )
    update = forms.BooleanField(
        label="Replace rates the programme already has for the same date and currencies",
        required=False,
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise ValidationError("The file must be smaller than 1 MB")
        try:
            return upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ValidationError("The file must be a CSV saved as UTF-8") from None
