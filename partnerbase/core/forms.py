"""Form helpers: service errors next to the form's fields, and the GOV.UK date input."""

import datetime

from django import forms
from django.core.exceptions import ValidationError

from .errors import DomainError
from .limits import MAX_DATE, MIN_DATE
from .period import Period
from .versions import VERSION_FIELD, StaleRecord, opened_at, version_of


def posted(request):
    """A form's data: the POST, even an empty one (so a bare confirmation or a radio left
    unanswered is still checked), or None for a GET."""
    return request.POST if request.method == "POST" else None


class ConfirmForm(forms.Form):
    """No fields: a confirmation page's form, which carries a refusal to the error summary
    (and the page title's "Error:")."""


def opened(form: forms.BaseForm, record) -> forms.BaseForm:
    """Make `form` an edit form of `record` that refuses a stale save: a hidden field
    carries the version the page showed, and a posted form marks the record opened at it
    (record_save then refuses a newer row with core.versions.StaleRecord)."""
    posted = opened_rows(form, version_of(record))
    if form.is_bound:
        opened_at(record, posted)
    return form


def opened_rows(form: forms.BaseForm, version: str) -> str:
    """Make `form` carry `version` (of one record, or core.versions.version_of_rows of the
    several it edits) in a hidden field; return the version posted ("" for a GET), which
    the service checks (core.versions.check_rows_current)."""
    form.fields[VERSION_FIELD] = forms.CharField(required=False, widget=forms.HiddenInput)
    form.initial[VERSION_FIELD] = version
    clean = form.clean

    def clean_without_version():
        # The version goes to the record, not to the service's arguments.
        data = clean()
        for cleaned in (data, form.cleaned_data):
            if isinstance(cleaned, dict):
                cleaned.pop(VERSION_FIELD, None)
        return data

    form.clean = clean_without_version
    return form.data.get(form.add_prefix(VERSION_FIELD), "") if form.is_bound else ""


def add_service_error(form, exc: Exception) -> None:
    if isinstance(exc, StaleRecord):
        # Keep the user's input; carry the saved version now, so saving again after reading
        # theirs replaces it on purpose. {% govuk_error_summary %} shows both versions.
        form.add_error(None, exc.message)
        form.data = form.data.copy()
        form.data[form.add_prefix(VERSION_FIELD)] = exc.version or version_of(exc.current)
        form.stale = exc.current
    elif isinstance(exc, DomainError):
        form.add_error(exc.field if exc.field in form.fields else None, exc.message)
    elif isinstance(exc, ValidationError) and hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


# --- GOV.UK date input -------------------------------------------------------------------

DATE_PARTS = ("day", "month", "year")
MONTH_NAMES = {
    name: number
    for number, full in enumerate(
        (
            "january february march april may june july august september october november december"
        ).split(),
        start=1,
    )
    for name in (full, full[:3])
}


class GovukDateWidget(forms.MultiWidget):
    """Day, month and year text inputs (the GOV.UK "Date input" pattern).

    The inputs are named <name>_0, <name>_1 and <name>_2 and have the ids id_<name>_0... ;
    {% govuk_field %} renders them inside a fieldset with a legend, hint and error message.
    """

    def __init__(self, attrs=None):
        widgets = [
            forms.TextInput(
                attrs={
                    "class": f"govuk-input govuk-date-input__input govuk-input--width-{width}",
                    "inputmode": "numeric",
                }
            )
            for width in (2, 2, 4)
        ]
        super().__init__(widgets, attrs)

    def decompress(self, value):
        if isinstance(value, str):
            try:
                value = datetime.date.fromisoformat(value.strip())
            except ValueError:
                return [None, None, None]
        if isinstance(value, datetime.datetime):
            value = value.date()
        if isinstance(value, datetime.date):
            return [str(value.day), str(value.month), str(value.year)]
        return [None, None, None]


class GovukDateField(forms.MultiValueField):
    """A date entered as day, month and year, validated with GOV.UK's error messages.

    error_name is how messages name the date ("The start date must include a month");
    it defaults to the label. Each ValidationError carries params["parts"], the indexes
    (0 day, 1 month, 2 year) of the inputs to highlight, so the template tag can mark only
    those and the error summary can link to the first of them.
    """

    widget = GovukDateWidget

    def __init__(self, *, error_name=None, **kwargs):
        self.error_name = error_name
        fields = (forms.CharField(), forms.CharField(), forms.CharField())
        super().__init__(fields, require_all_fields=False, **kwargs)

    def _name(self) -> str:
        return self.error_name or self.label or "Date"

    def _error(self, message: str, parts, code: str) -> ValidationError:
        return ValidationError(message, code=code, params={"parts": tuple(parts)})

    @staticmethod
    def _parts(value) -> list[str]:
        if isinstance(value, datetime.date | str) or value is None:
            value = GovukDateWidget().decompress(value)
        parts = [("" if v is None else str(v)).strip() for v in list(value)[:3]]
        return parts + [""] * (3 - len(parts))

    def clean(self, value):
        parts = self._parts(value)
        name = self._name()
        if not any(parts):
            if self.required:
                message = self.error_messages["required"]
                if message == forms.Field.default_error_messages["required"]:
                    message = (
                        f"Enter {name[0].lower()}{name[1:]}"
                        if self.error_name
                        else f"Enter the {name.lower()}"
                    )
                raise self._error(message, range(3), "required")
            return None
        missing = [i for i, p in enumerate(parts) if not p]
        if missing:
            what = " and ".join(DATE_PARTS[i] for i in missing)
            raise self._error(f"{name} must include a {what}", missing, "incomplete")
        day, month, year = parts
        if month.lower() in MONTH_NAMES:
            month = str(MONTH_NAMES[month.lower()])
        not_numbers = [i for i, p in enumerate((day, month, year)) if not p.isdigit()]
        if not_numbers:
            raise self._error(f"{name} must be a real date", not_numbers, "invalid")
        if len(year) != 4:
            raise self._error(f"{name} must have a year with 4 numbers", [2], "invalid_year")
        try:
            result = datetime.date(int(year), int(month), int(day))
        except ValueError:
            raise self._error(f"{name} must be a real date", range(3), "invalid") from None
        if not MIN_DATE <= result <= MAX_DATE:
            raise self._error(
                f"{name} must be between {MIN_DATE.year} and {MAX_DATE.year}", [2], "out_of_range"
            )
        self.run_validators(result)
        return result

    def compress(self, data_list):
        # Not used: clean() turns the three parts into a date itself.
        return data_list

    def has_changed(self, initial, data):
        if self.disabled:
            return False
        if not any(self._parts(data)):
            return not (initial is None or initial == "")
        try:
            return self.clean(data) != self.clean(initial)
        except ValidationError:
            return True


class PeriodForm(forms.Form):
    """Choose the period figures (or the partnership map) cover; blank means the whole
    programme."""

    start = GovukDateField(required=False, label="From", error_name="The start date")
    end = GovukDateField(required=False, label="To", error_name="The end date")

    def __init__(self, *args, default: Period, **kwargs):
        super().__init__(*args, **kwargs)
        self.default = default

    def clean(self):
        data = super().clean()
        start, end = data.get("start") or self.default.start, data.get("end") or self.default.end
        if end < start:
            self.add_error("end", "The end date must be the same as or after the start date.")
        else:
            data["period"] = Period(start, end)
        return data

    def period(self) -> Period:
        if self.is_bound and self.is_valid():
            return self.cleaned_data["period"]
        return self.default
