from datetime import date

from django import forms

from partnerbase.accounts.models import User
from partnerbase.core.forms import GovukDateField
from partnerbase.directory.models import Organisation, Person

from . import ideas
from .models import Idea, IdeaStatus

DATE_HINT = "For example, 27 3 2018"


def _date(label, required=True, hint=DATE_HINT):
    return GovukDateField(required=required, label=label, help_text=hint)


class MemberForm(forms.Form):
    person = forms.ModelChoiceField(
        queryset=Person.objects.none(),
        required=False,
        label="Someone already recorded",
        empty_label="Choose a person",
        help_text="Or enter a new person below.",
    )
    name = forms.CharField(max_length=200, required=False, label="New person’s name")
    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.none(),
        required=False,
        label="Their organisation",
        empty_label="Choose an organisation",
    )
    job_title = forms.CharField(max_length=200, required=False, label="Job title")
    joined_on = _date("Date joined")
    user = forms.ModelChoiceField(
        queryset=User.objects.none(),
        required=False,
        label="Their account",
        empty_label="No account",
        help_text="If they sign in to Partnerbase: this is how they work in the group.",
    )
    is_lead = forms.BooleanField(required=False, label="They lead the group")

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = Person.objects.filter(programme=programme).select_related(
            "organisation"
        )
        self.fields["person"].label_from_instance = lambda p: (
            f"{p.name} ({p.organisation})" if p.organisation else p.name
        )
        self.fields["organisation"].queryset = Organisation.objects.filter(
            programme=programme, convenes_programme=False
        )
        self.fields["user"].queryset = (
            User.objects.filter(memberships__programme=programme).distinct().order_by("full_name")
        )

    def clean(self):
        data = super().clean()
        if data.get("person") and data.get("name"):
            self.add_error("name", "Choose someone recorded or enter a new person, not both")
        elif not data.get("person") and not data.get("name"):
            self.add_error("person", "Choose a person or enter the new member’s name")
        elif data.get("name") and not data.get("organisation"):
            self.add_error("organisation", "Choose the new person’s organisation")
        return data


class LeaveForm(forms.Form):
    on = _date("Date they left")


class MeetingForm(forms.Form):
    held_on = _date("Date of the meeting")
    notes = forms.CharField(
        label="Notes",
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": "Enter the notes of the meeting"},
    )
    attendees = forms.ModelMultipleChoiceField(
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Who came",
    )

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attendees"].queryset = members
        self.fields["attendees"].label_from_instance = lambda m: str(m.person)

    def clean_held_on(self):
        held_on = self.cleaned_data["held_on"]
        if held_on and held_on > date.today():
            raise forms.ValidationError("The date of the meeting must be today or in the past")
        return held_on


class IdeaForm(forms.Form):
    title = forms.CharField(
        max_length=300,
        label="The idea in a sentence",
        error_messages={"required": "Enter the idea in a sentence"},
    )
    description = forms.CharField(
        required=False, label="More about it", widget=forms.Textarea(attrs={"rows": 4})
    )
    proposed_by = forms.ModelChoiceField(
        queryset=None, label="Proposed by", empty_label="Choose a member"
    )
    proposed_on = _date("Date proposed")

    def __init__(self, *args, members, proposer=None, **kwargs):
        super().__init__(*args, **kwargs)
        if proposer is not None:
            # A member proposes in their own name.
            del self.fields["proposed_by"]
        else:
            self.fields["proposed_by"].queryset = members
            self.fields["proposed_by"].label_from_instance = lambda m: str(m.person)


class MoveForm(forms.Form):
    status = forms.ChoiceField(choices=(), widget=forms.RadioSelect, label="Move the idea to")
    project = forms.ModelChoiceField(
        queryset=None,
        required=False,
        label="The project it became",
        empty_label="Choose a project",
        help_text="Only when it became a project.",
    )
    on = _date("Date of the decision")

    def __init__(self, *args, idea, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [
            (s, IdeaStatus(s).label) for s in ideas.next_statuses(idea.status)
        ]
        # The model Idea.project points to: working groups sit below the projects app.
        project_model = Idea._meta.get_field("project").related_model
        self.fields["project"].queryset = project_model.objects.filter(
            programme=idea.working_group.programme, ideas__isnull=True
        ).order_by("name")
