from django import forms

from partnerbase.core.forms import GovukDateField
from partnerbase.directory.models import Organisation, Person

from .models import ChampionRole, DecisionKind


class _NameChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        if isinstance(obj, Person) and obj.organisation_id:
            return f"{obj.name}, {obj.organisation.name}"
        return obj.name


class ChampionAppointForm(forms.Form):
    person = _NameChoice(queryset=Person.objects.none(), label="Person")
    organisation = _NameChoice(
        queryset=Organisation.objects.none(),
        label="Organisation",
        help_text="The organisation they represent on the board.",
    )
    role = forms.ChoiceField(
        choices=ChampionRole.choices, widget=forms.RadioSelect, initial=ChampionRole.MEMBER
    )
    term_starts_on = GovukDateField(label="Term starts", help_text="For example, 2 10 2017")
    term_ends_on = GovukDateField(
        label="Term ends", required=False, help_text="Leave empty for an open-ended term."
    )

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = Person.objects.filter(programme=programme).select_related(
            "organisation"
        )
        self.fields["organisation"].queryset = Organisation.objects.filter(programme=programme)

    def clean(self):
        data = super().clean()
        starts, ends = data.get("term_starts_on"), data.get("term_ends_on")
        if starts and ends and ends < starts:
            self.add_error("term_ends_on", "The term must end on or after it starts")
        return data


class TermEndForm(forms.Form):
    ends_on = GovukDateField(label="Term ends", help_text="For example, 30 9 2018")


class RoleForm(forms.Form):
    role = forms.ChoiceField(choices=ChampionRole.choices, widget=forms.RadioSelect)


class MeetingForm(forms.Form):
    title = forms.CharField(max_length=200, help_text="For example, Partnership board")
    held_on = GovukDateField(label="Date", help_text="For example, 21 11 2017")
    agenda = forms.CharField(widget=forms.Textarea, required=False, help_text="One item a line.")


class PaperForm(forms.Form):
    title = forms.CharField(max_length=200, help_text="For example, Choosing the challenge areas")
    file = forms.FileField(
        label="Upload a file",
        help_text="PDF, Word, Excel, PowerPoint, OpenDocument, PNG, JPEG, CSV or text; "
        "smaller than 10 MB.",
        error_messages={"required": "Select a file", "empty": "The selected file is empty."},
    )


class DecisionForm(forms.Form):
    kind = forms.ChoiceField(
        choices=DecisionKind.choices,
        widget=forms.RadioSelect,
        label="Kind of decision",
        error_messages={"required": "Select ambition or agreed work"},
    )
    summary = forms.CharField(
        max_length=300, error_messages={"required": "Enter the decision's summary"}
    )
    detail = forms.CharField(widget=forms.Textarea, required=False)


class ActionForm(forms.Form):
    description = forms.CharField(
        max_length=300, label="Action", error_messages={"required": "Enter the action"}
    )
    owner = forms.ChoiceField(
        label="Owner",
        help_text="A board member or a person.",
        error_messages={"required": "Choose an owner"},
    )
    decision = forms.ChoiceField(label="From the decision", required=False)
    due_on = GovukDateField(label="Due date", help_text="For example, 31 1 2018")

    def __init__(self, *args, champions, people, decisions, **kwargs):
        super().__init__(*args, **kwargs)
        self.owners = {f"c-{c.uid}": ("champion", c) for c in champions}
        self.owners.update({f"p-{p.uid}": ("person", p) for p in people})
        self.fields["owner"].choices = [
            ("", "Choose an owner"),
            (
                "Board members",
                [(k, str(v.person)) for k, (kind, v) in self.owners.items() if kind == "champion"],
            ),
            ("People", [(k, v.name) for k, (kind, v) in self.owners.items() if kind == "person"]),
        ]
        self.decisions = {str(d.uid): d for d in decisions}
        self.fields["decision"].choices = [("", "None")] + [
            (k, d.summary) for k, d in self.decisions.items()
        ]

    def clean_owner(self):
        key = self.cleaned_data["owner"]
        if key not in self.owners:
            raise forms.ValidationError("Choose an owner")
        return self.owners[key]

    def clean_decision(self):
        key = self.cleaned_data.get("decision")
        return self.decisions.get(key) if key else None

    def service_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        kind, owner = data.pop("owner")
        data["owner_champion" if kind == "champion" else "owner_person"] = owner
        return data


def action_initial(action) -> dict:
    """An action as ActionForm's initial values, to change it."""
    owner = (
        f"c-{action.owner_champion.uid}"
        if action.owner_champion_id
        else f"p-{action.owner_person.uid}"
    )
    return {
        "description": action.description,
        "owner": owner,
        "decision": str(action.decision.uid) if action.decision_id else "",
        "due_on": action.due_on,
    }
