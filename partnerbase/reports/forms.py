from django import forms

from partnerbase.impact.period import Period


class PeriodForm(forms.Form):
    """Choose the period figures cover; blank means the whole programme."""

    start = forms.DateField(
        required=False, label="From", widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        required=False, label="To", widget=forms.DateInput(attrs={"type": "date"})
    )

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
