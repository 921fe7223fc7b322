from decimal import Decimal

from django import forms

from partnerbase.board.models import Champion, Decision
from partnerbase.challenges.models import ChallengeArea
from partnerbase.core.forms import GovukDateField
from partnerbase.funding.forms import AmountField
from partnerbase.projects.models import CollaborativeProject

from .models import PledgeKind


class _Named(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return getattr(obj, "name", None) or str(obj)


def quantity_field(label: str, **kwargs) -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        max_digits=14,
        decimal_places=2,
        min_value=Decimal("0.01"),
        error_messages={
            "required": f"Enter the {label.lower()}",
            "invalid": f"The {label.lower()} must be a number, like 40 or 12.5",
            "min_value": f"The {label.lower()} must be more than 0",
            "max_decimal_places": f"The {label.lower()} can have at most 2 decimal places",
            "max_digits": f"The {label.lower()} is too large",
        },
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
        **kwargs,
    )


class PledgeForm(forms.Form):
    organisation = _Named(
        queryset=None,
        label="Pledging organisation",
        error_messages={"required": "Choose the pledging organisation"},
    )
    kind = forms.ChoiceField(
        choices=PledgeKind.choices,
        widget=forms.RadioSelect,
        label="What is pledged",
        error_messages={"required": "Choose what is pledged"},
    )
    title = forms.CharField(
        max_length=200,
        label="Title",
        help_text="For example, 50 work placements for young people",
        error_messages={"required": "Enter a title for the pledge"},
    )
    description = forms.CharField(
        required=False, label="Describe the pledge", widget=forms.Textarea(attrs={"rows": 3})
    )
    quantity = quantity_field(
        "Quantity", help_text="How much, in the unit below. For cash, the amount."
    )
    unit = forms.CharField(
        max_length=60,
        label="Unit",
        help_text="For example hours, placements, mentors, pounds",
        error_messages={"required": "Enter the unit, like hours or placements"},
    )
    estimated_value = AmountField(
        required=False,
        error_name="The estimated value",
        label="Estimated value",
        help_text="What it is worth, in the currency below. Required for cash.",
    )
    currency = forms.CharField(
        max_length=3, initial="GBP", label="Currency", help_text="Three letters, like GBP or USD"
    )
    pledged_on = GovukDateField(label="Date pledged", help_text="For example, 14 11 2017")
    due_on = GovukDateField(
        required=False, label="Due by", help_text="When it should be delivered, if agreed"
    )

    def __init__(self, *args, programme, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        if len(organisations) == 1:
            self.fields["organisation"].empty_label = None  # a champion's own: nothing to choose
        self.fields["champion"] = _Named(
            queryset=Champion.objects.filter(programme=programme).select_related(
                "person", "organisation"
            ),
            required=False,
            empty_label="Not pledged from a board seat",
            label="Board seat",
            help_text="The champion who pledged it, if any",
        )
        self.fields["challenge_area"] = _Named(
            queryset=ChallengeArea.objects.filter(programme=programme),
            required=False,
            empty_label="None",
            label="Challenge area",
        )
        self.fields["project"] = _Named(
            queryset=CollaborativeProject.objects.filter(programme=programme).order_by("name"),
            required=False,
            empty_label="None",
            label="Collaborative project",
        )
        self.fields["decision"] = _Named(
            queryset=Decision.objects.filter(meeting__programme=programme).select_related(
                "meeting"
            ),
            required=False,
            empty_label="None",
            label="Board decision",
        )
        self.order_fields(
            [
                "organisation",
                "champion",
                "kind",
                "title",
                "description",
                "quantity",
                "unit",
                "estimated_value",
                "currency",
                "challenge_area",
                "project",
                "decision",
                "pledged_on",
                "due_on",
            ]
        )

    def clean_currency(self):
        code = self.cleaned_data["currency"].strip().upper()
        if len(code) != 3 or not code.isalpha() or not code.isascii():
            raise forms.ValidationError("Enter a three-letter currency code, like GBP")
        return code

    def clean(self):
        data = super().clean()
        if data.get("kind") == PledgeKind.CASH and not data.get("estimated_value"):
            if "estimated_value" not in self.errors:
                self.add_error("estimated_value", "Enter the amount of a cash pledge")
        champion, organisation = data.get("champion"), data.get("organisation")
        if champion and organisation and champion.organisation_id != organisation.pk:
            self.add_error("champion", "Choose a board seat of the pledging organisation")
        due, pledged = data.get("due_on"), data.get("pledged_on")
        if due and pledged and due < pledged:
            self.add_error("due_on", "The due date must be on or after the date pledged")
        return data


class DeliveryForm(forms.Form):
    delivered_on = GovukDateField(label="Date delivered", help_text="For example, 1 6 2018")
    quantity = quantity_field("Quantity delivered")
    notes = forms.CharField(required=False, max_length=300, label="Notes")


class ConfirmForm(forms.Form):
    on = GovukDateField(label="Date confirmed", help_text="For example, 1 12 2017")


class LapseForm(forms.Form):
    on = GovukDateField(label="Date it lapsed", help_text="For example, 30 9 2018")
    reason = forms.CharField(
        label="Why did it lapse?",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Say why the pledge lapsed"},
    )
