from django import forms

from .models import ALWAYS_ON, Kind

CHOICES = [(k.value, k.label) for k in Kind if k not in ALWAYS_ON]


class SettingsForm(forms.Form):
    kinds = forms.MultipleChoiceField(
        label="Tell me about",
        choices=CHOICES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Untick what you do not want to hear about, in the list or by email.",
    )
