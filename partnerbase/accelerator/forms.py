"""Forms for selection, cohorts, sessions and milestones (GOV.UK markup via {% govuk_field %})."""

from django import forms

from partnerbase.core.forms import GovukDateField

from .models import Decision, MembershipStatus, MilestoneStatus, SessionKind


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label="Decision",
        choices=Decision.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select selected, waitlisted or declined"},
    )
    reason = forms.CharField(
        label="Reason",
        help_text="The applicant sees this reason when they are told the decision.",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
        error_messages={"required": "Enter the reason for the decision"},
    )
    change_reason = forms.CharField(
        label="Why the decision changes",
        help_text="Needed once the applicant has been told; kept in the history.",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )


def _label(application) -> str:
    """The applicant, with its place in the assessment ranking when it has one."""
    rank = getattr(application, "rank", None)
    if rank is None:
        return application.organisation.name
    return f"{application.organisation.name} (ranked {rank}, score {application.score})"


class CohortSelectForm(forms.Form):
    """Select the cohort in one step: tick the applications, give the join date."""

    applications = forms.MultipleChoiceField(
        label="Applications to select",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select at least one application"},
    )
    cohort = forms.ChoiceField(label="Cohort")
    joined_on = GovukDateField(
        label="Join date", help_text="For example, 1 2 2018", error_name="The join date"
    )
    reason = forms.CharField(
        label="Reason for selecting them",
        initial="Selected for the cohort on the assessment panel's recommendation.",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
        error_messages={"required": "Enter the reason for selecting them"},
    )

    def __init__(self, *args, applications, cohorts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["applications"].choices = [(str(a.uid), _label(a)) for a in applications]
        self.fields["cohort"].choices = [(str(c.uid), c.name) for c in cohorts]


class MembershipStatusForm(forms.Form):
    status = forms.ChoiceField(
        label="What happened",
        choices=[
            (MembershipStatus.GRADUATED, "They graduated"),
            (MembershipStatus.WITHDRAWN, "They withdrew"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Select graduated or withdrawn"},
    )
    on = GovukDateField(
        label="Date",
        help_text="The day they graduated or withdrew. For example, 31 7 2018",
        error_messages={"required": "Enter the date they graduated or withdrew"},
        error_name="The date",
    )


class SessionForm(forms.Form):
    kind = forms.ChoiceField(
        label="Kind of session",
        choices=SessionKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the kind of session"},
    )
    title = forms.CharField(
        label="Title", max_length=200, error_messages={"required": "Enter the title"}
    )
    held_on = GovukDateField(
        label="Date", help_text="For example, 14 3 2018", error_name="The date"
    )
    facilitator = forms.CharField(label="Facilitator", max_length=200, required=False)
    notes = forms.CharField(
        label="Notes", required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=4000
    )


class AttendanceForm(forms.Form):
    attended = forms.MultipleChoiceField(
        label="Who attended", widget=forms.CheckboxSelectMultiple, required=False
    )

    def __init__(self, *args, memberships, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attended"].choices = [(str(m.uid), m.organisation.name) for m in memberships]


ALL = "all"


class MilestoneForm(forms.Form):
    membership = forms.ChoiceField(
        label="For", error_messages={"required": "Select the innovator, or all innovators"}
    )
    title = forms.CharField(
        label="Milestone", max_length=200, error_messages={"required": "Enter the milestone"}
    )
    description = forms.CharField(
        label="What counts as done",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
    )
    due_on = GovukDateField(
        label="Due date", help_text="For example, 30 4 2018", error_name="The due date"
    )

    def __init__(self, *args, memberships, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["membership"].choices = [
            ("", "Choose"),
            (ALL, "All innovators in the cohort"),
        ] + [(str(m.uid), m.organisation.name) for m in memberships]


class EvidenceForm(forms.Form):
    status = forms.ChoiceField(
        label="Status",
        choices=MilestoneStatus.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the status"},
    )
    achieved_on = GovukDateField(
        label="Date achieved",
        help_text="Only when achieved. For example, 30 4 2018",
        required=False,
        error_name="The date achieved",
    )
    evidence = forms.CharField(
        label="Evidence",
        help_text="What shows the milestone was reached: figures, links, who confirmed it.",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=8000,
    )
    evidence_file = forms.FileField(
        label="Upload a file",
        help_text="PDF, Word, Excel, PowerPoint, OpenDocument, PNG, JPEG, CSV or text; "
        "up to 10 MB.",
        required=False,
    )
