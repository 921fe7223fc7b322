from django import forms

from partnerbase.core.forms import GovukDateField
from partnerbase.core.period import Period


class PeriodForm(forms.Form):
    """Choose the period figures cover; blank means the whole programme."""

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
