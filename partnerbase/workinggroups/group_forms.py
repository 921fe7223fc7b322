"""Forms the team creates, changes and archives a working group with."""

from datetime import date

from django import forms

from partnerbase.challenges.models import ChallengeArea
from partnerbase.core.forms import GovukDateField


class GroupForm(forms.Form):
    name = forms.CharField(
        max_length=200,
        label="Name",
        help_text="For example, Financial inclusion working group",
        error_messages={"required": "Enter the working group's name"},
    )
    purpose = forms.CharField(
        required=False,
        label="Purpose",
        help_text="What the group is for, in a sentence or two.",
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class GroupCreateForm(GroupForm):
    challenge_area = forms.ModelChoiceField(
        queryset=ChallengeArea.objects.none(),
        label="Challenge area",
        help_text="One working group for each challenge area: these have none yet.",
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={
            "required": "Select the challenge area the group works on",
            "invalid_choice": "Select a challenge area that has no working group yet",
        },
    )

    field_order = ["challenge_area", "name", "purpose"]

    def __init__(self, *args, areas, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["challenge_area"].queryset = areas


class ArchiveForm(forms.Form):
    on = GovukDateField(
        label="Date archived",
        help_text="The day the group stopped. For example, 28 9 2018",
        error_name="The date archived",
    )

    def clean_on(self):
        on = self.cleaned_data["on"]
        if on and on > date.today():
            raise forms.ValidationError("The date archived must be today or in the past")
        return on
