"""Forms for champion targeting. Services enforce the rules; forms check the shape."""

from django import forms
from django.utils import timezone

from partnerbase.board.models import ChampionRole
from partnerbase.core.forms import GovukDateField
from partnerbase.directory.models import EngagementKind, Organisation, OrganisationKind, Person

from .models import Stage
from .ranking import SCORE_MAX, SCORE_MIN, WEIGHT_MAX
from .stages import next_stages

DATE_HINT = "For example, 27 9 2017"


def _today():
    return timezone.localdate()


class WeightsForm(forms.Form):
    """One whole-number weight per criterion (fields weight_<key>: see Criterion.key)."""

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for c in self.criteria:
            self.fields[f"weight_{c.key}"] = forms.IntegerField(
                label=c.name,
                min_value=0,
                max_value=WEIGHT_MAX,
                initial=c.weight,
                error_messages={
                    "required": f"Enter a weight for {c.name.lower()}",
                    "invalid": f"The weight for {c.name.lower()} must be a whole number",
                    "min_value": f"The weight for {c.name.lower()} must be 0 or more",
                    "max_value": f"The weight for {c.name.lower()} must be {WEIGHT_MAX} or less",
                },
                widget=forms.TextInput(attrs={"inputmode": "numeric"}),
            )

    def weights(self):
        """(criterion, weight) pairs: services.weights_set takes them."""
        return [(c, self.cleaned_data[f"weight_{c.key}"]) for c in self.criteria]


class CriterionForm(forms.Form):
    name = forms.CharField(max_length=100, label="Name of the criterion")
    weight = forms.IntegerField(
        min_value=0,
        max_value=WEIGHT_MAX,
        label="Weight",
        initial=1,
        help_text="A whole number. Weights are compared with each other, so 2 counts twice 1.",
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )


class ProspectForm(forms.Form):
    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.none(),
        required=False,
        label="Organisation",
        empty_label="A new organisation (enter its name below)",
    )
    organisation_name = forms.CharField(
        max_length=200,
        required=False,
        label="New organisation's name",
        help_text="Only if the organisation is not in the list.",
    )
    organisation_kind = forms.ChoiceField(
        choices=OrganisationKind.choices,
        initial=OrganisationKind.BUSINESS,
        label="New organisation's kind",
    )
    person = forms.ModelChoiceField(
        queryset=Person.objects.none(),
        required=False,
        label="Person",
        empty_label="A new person (enter their name below)",
    )
    person_name = forms.CharField(max_length=200, required=False, label="New person's name")
    job_title = forms.CharField(max_length=200, required=False, label="New person's job title")
    notes = forms.CharField(required=False, label="Notes", widget=forms.Textarea(attrs={"rows": 3}))
    added_on = GovukDateField(label="Date added to the long list", help_text=DATE_HINT)

    def __init__(self, *args, programme, **kwargs):
        kwargs.setdefault("initial", {"added_on": _today()})
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(
            programme=programme, convenes_programme=False
        ).order_by("name")
        self.fields["person"].queryset = Person.objects.filter(programme=programme).order_by("name")

    def clean(self):
        data = super().clean()
        if not data.get("organisation") and not (data.get("organisation_name") or "").strip():
            if not (data.get("person") and data["person"].organisation_id):
                self.add_error(
                    "organisation", "Choose the organisation or enter a new organisation's name"
                )
        if not data.get("person") and not (data.get("person_name") or "").strip():
            self.add_error("person", "Choose the person or enter a new person's name")
        return data


class ScoresForm(forms.Form):
    """One score per criterion (fields criterion_<key>: see Criterion.key), or not scored."""

    CHOICES = [("", "Not scored")] + [(str(i), str(i)) for i in range(SCORE_MIN, SCORE_MAX + 1)]

    def __init__(self, *args, criteria, scores=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        scores = scores or {}
        for c in self.criteria:
            value = scores.get(c.key)
            self.fields[f"criterion_{c.key}"] = forms.TypedChoiceField(
                label=c.name,
                choices=self.CHOICES,
                coerce=int,
                empty_value=None,
                required=False,
                initial="" if value is None else str(value),
            )

    def scores(self):
        return [(c, self.cleaned_data[f"criterion_{c.key}"]) for c in self.criteria]


class StageForm(forms.Form):
    to_stage = forms.ChoiceField(choices=(), widget=forms.RadioSelect, label="Move to")
    changed_on = GovukDateField(label="Date of the move", help_text=DATE_HINT)
    note = forms.CharField(max_length=300, required=False, label="Note")

    def __init__(self, *args, prospect, **kwargs):
        kwargs.setdefault("initial", {"changed_on": _today()})
        super().__init__(*args, **kwargs)
        self.fields["to_stage"].choices = [
            (s.value, Stage(s.value).label)
            for s in next_stages(prospect.stage)
            if s != Stage.COMMITTED
        ]


class ContactForm(forms.Form):
    kind = forms.ChoiceField(
        choices=EngagementKind.choices, widget=forms.RadioSelect, label="Kind of contact"
    )
    occurred_on = GovukDateField(label="Date of the contact", help_text=DATE_HINT)
    summary = forms.CharField(max_length=300, label="Summary")
    notes = forms.CharField(required=False, label="Notes", widget=forms.Textarea(attrs={"rows": 3}))


class CommitForm(forms.Form):
    term_starts_on = GovukDateField(label="Term starts on", help_text=DATE_HINT)
    role = forms.ChoiceField(
        choices=ChampionRole.choices,
        initial=ChampionRole.MEMBER,
        widget=forms.RadioSelect,
        label="Role on the board",
    )
