from django import forms

from partnerbase.challenges.models import ChallengeArea
from partnerbase.core.forms import GovukDateField

from .models import RoundMode, SupportType
from .models.rounds import MOST_PER_INNOVATOR, WEIGHT_FIELDS
from .stages import Stage

AMOUNT_HINT = "In pounds, for example 25000."


class _OrgChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


def _challenges(programme):
    return forms.ModelChoiceField(
        queryset=ChallengeArea.objects.filter(programme=programme),
        required=False,
        empty_label="Any challenge area",
        label="Challenge area",
    )


class NeedForm(forms.Form):
    innovator = _OrgChoice(queryset=None, label="Innovator", empty_label=None)
    type = forms.ChoiceField(
        choices=SupportType.choices, widget=forms.RadioSelect, label="What is needed"
    )
    description = forms.CharField(
        label="Describe the need",
        help_text="Partners see this: say what would make a difference.",
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    amount = forms.DecimalField(
        required=False, min_value=1, decimal_places=2, label="Amount", help_text=AMOUNT_HINT
    )
    quantity = forms.IntegerField(
        required=False,
        min_value=1,
        label="Quantity",
        help_text="For something other than money: mentors, placements, and so on.",
    )
    regions = forms.CharField(
        required=False,
        max_length=300,
        label="Regions",
        help_text="Separated by commas. Leave blank for the organisation's regions.",
    )

    def __init__(self, *args, programme, innovators, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["innovator"].queryset = innovators
        self.fields["challenge_area"] = _challenges(programme)
        self.order_fields(["innovator", "type", "description", "amount", "quantity"])


class OfferForm(forms.Form):
    partner = _OrgChoice(queryset=None, label="Partner", empty_label=None)
    type = forms.ChoiceField(
        choices=SupportType.choices, widget=forms.RadioSelect, label="What is offered"
    )
    description = forms.CharField(
        label="Describe the offer", widget=forms.Textarea(attrs={"rows": 4})
    )
    capacity = forms.IntegerField(
        min_value=1,
        max_value=1000,
        initial=1,
        label="How many introductions will you take in a round?",
    )
    budget = forms.DecimalField(
        required=False, min_value=1, decimal_places=2, label="Budget", help_text=AMOUNT_HINT
    )
    regions = forms.CharField(
        required=False,
        max_length=300,
        label="Regions",
        help_text="Separated by commas. Leave blank for the organisation's regions.",
    )
    preferred_regions = forms.CharField(
        required=False, max_length=300, label="Regions you would most like to work in"
    )
    pledge_reference = forms.CharField(
        required=False,
        max_length=200,
        label="Board pledge",
        help_text="If this offer carries out a pledge to the board, name the pledge.",
    )

    def __init__(self, *args, programme, partners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = partners
        self.fields["challenge_area"] = _challenges(programme)
        preferred = _challenges(programme)
        preferred.label, preferred.empty_label = "Challenge area you prefer", "No preference"
        self.fields["preferred_challenge_area"] = preferred
        self.order_fields(["partner", "type", "description", "capacity", "budget"])


class RoundForm(forms.Form):
    name = forms.CharField(max_length=200, label="Name of the round")
    mode = forms.ChoiceField(
        choices=RoundMode.choices,
        widget=forms.RadioSelect,
        initial=RoundMode.OPTIMAL,
        label="How should the engine choose?",
    )
    innovator_capacity = forms.IntegerField(
        min_value=1,
        max_value=MOST_PER_INNOVATOR,
        initial=3,
        label="Most introductions for one innovator",
    )
    min_introductions = forms.IntegerField(
        min_value=0,
        max_value=MOST_PER_INNOVATOR,
        initial=1,
        label="Fewest introductions for one innovator",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, default in WEIGHT_FIELDS.items():
            self.fields[f"weight_{name}"] = forms.IntegerField(
                min_value=0,
                max_value=100,
                initial=default,
                label=f"Weight of {name.replace('_', ' ')}",
            )

    def weights(self) -> dict[str, int]:
        return {name: self.cleaned_data[f"weight_{name}"] for name in WEIGHT_FIELDS}


class HandIntroductionForm(forms.Form):
    innovator = _OrgChoice(queryset=None, label="Innovator")
    partner = _OrgChoice(queryset=None, label="Partner")
    reasons = forms.CharField(
        required=False,
        label="Why introduce them?",
        help_text="The engine’s score and reasons for the pair are added for you.",
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    over_capacity = forms.BooleanField(
        required=False,
        label="Add it anyway",
        help_text="Even if the innovator or partner has as many introductions as it takes.",
    )

    def __init__(self, *args, innovators, partners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["innovator"].queryset = innovators
        self.fields["partner"].queryset = partners


class RespondForm(forms.Form):
    answer = forms.ChoiceField(
        choices=[("accept", "Yes, accept the introduction"), ("decline", "No, decline it")],
        widget=forms.RadioSelect,
        label="Do you want to meet?",
    )
    reason = forms.CharField(
        required=False,
        label="Reason",
        help_text="Needed if you decline; the team uses it to make better introductions.",
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self):
        data = super().clean()
        if data.get("answer") == "decline" and not data.get("reason", "").strip():
            self.add_error("reason", "Say why you are declining the introduction")
        return data


class RecordAnswerForm(RespondForm):
    """The team records an answer sent by email or given on the phone."""

    side = forms.ChoiceField(choices=(), widget=forms.RadioSelect, label="Whose answer is it?")
    answered_by = forms.CharField(
        required=False,
        max_length=200,
        label="Who answered",
        help_text="Their name, if you know it. The history says you recorded it for them.",
    )
    on = GovukDateField(label="When did they answer?", help_text="For example, 27 3 2018")

    def __init__(self, *args, sides, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["side"].choices = sides
        self.fields["answer"].label = "What did they answer?"
        self.fields["answer"].choices = [("accept", "They accept"), ("decline", "They decline")]
        self.fields["reason"].help_text = "Needed if they declined, in their words if you can."
        self.order_fields(["side", "answered_by", "answer", "reason", "on"])

    def clean(self):
        data = forms.Form.clean(self)
        if data.get("answer") == "decline" and not data.get("reason", "").strip():
            self.add_error("reason", "Say why they declined the introduction")
        return data


# The moves a page offers from "in discussion" onwards; earlier ones come from introductions.
PAGE_MOVES = [Stage.CONFIRMED, Stage.ACTIVE, Stage.COMPLETED, Stage.DECLINED, Stage.LAPSED]


class MoveForm(forms.Form):
    stage = forms.ChoiceField(choices=(), widget=forms.RadioSelect, label="Move the partnership to")
    on = GovukDateField(label="Date", help_text="For example, 27 3 2018")
    estimated_value = forms.DecimalField(
        required=False,
        min_value=0,
        decimal_places=2,
        label="Estimated value over the next 12 months",
        help_text="When confirming. " + AMOUNT_HINT,
    )

    def __init__(self, *args, stages, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stage"].choices = [(s.value, s.label) for s in stages]

    def clean(self):
        data = super().clean()
        if data.get("stage") == Stage.CONFIRMED and data.get("estimated_value") is None:
            self.add_error("estimated_value", "Enter the estimated value over the next 12 months")
        return data


def _limit_field(what: str, name: str) -> forms.IntegerField:
    return forms.IntegerField(
        min_value=0,
        max_value=MOST_PER_INNOVATOR,
        label=f"{what.capitalize()} introductions for {name}",
        widget=forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false"}),
        error_messages={
            "required": f"Enter the {what} introductions for {name}",
            "invalid": f"The {what} introductions for {name} must be a whole number",
            "min_value": f"The {what} introductions for {name} must be 0 or more",
            "max_value": f"The {what} introductions for {name} must be "
            f"{MOST_PER_INNOVATOR} or fewer",
        },
    )


class InnovatorLimitsForm(forms.Form):
    """One row per innovator: the most and the fewest introductions it should get."""

    def __init__(self, *args, rows: list[dict], **kwargs):
        super().__init__(*args, **kwargs)
        self.innovator_rows = rows
        for row in rows:
            org = row["innovator"]
            self.fields[f"capacity_{org.pk}"] = _limit_field("most", org.name)
            self.fields[f"minimum_{org.pk}"] = _limit_field("fewest", org.name)
            self.initial[f"capacity_{org.pk}"] = row["capacity"]
            self.initial[f"minimum_{org.pk}"] = row["minimum"]

    def clean(self):
        data = super().clean()
        for row in self.innovator_rows:
            org = row["innovator"]
            most, fewest = data.get(f"capacity_{org.pk}"), data.get(f"minimum_{org.pk}")
            if most is not None and fewest is not None and fewest > most:
                self.add_error(
                    f"minimum_{org.pk}",
                    f"The fewest introductions for {org.name} cannot be more than the most "
                    f"({most})",
                )
        return data

    def limits(self) -> dict:
        """Each innovator's (capacity, minimum), for round_innovator_limits_update."""
        return {
            row["innovator"]: (
                self.cleaned_data[f"capacity_{row['innovator'].pk}"],
                self.cleaned_data[f"minimum_{row['innovator'].pk}"],
            )
            for row in self.innovator_rows
        }

    def table(self) -> list[dict]:
        """The rows with their two inputs, in GOV.UK markup (for the table template)."""
        return [
            {**row, "cells": [self._cell(f"{k}_{row['innovator'].pk}") for k in KINDS]}
            for row in self.innovator_rows
        ]

    def _cell(self, name: str) -> dict:
        field = self[name]
        errors = list(field.errors)
        attrs = {
            "class": "govuk-input govuk-input--width-3" + (" govuk-input--error" * bool(errors))
        }
        if errors:
            attrs["aria-describedby"] = f"{field.auto_id}-error"
        return {"field": field, "errors": errors, "widget_html": field.as_widget(attrs=attrs)}


KINDS = ("capacity", "minimum")
