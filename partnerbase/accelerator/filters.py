"""The accelerator's filters: its cohorts, places, sessions, milestones and selection."""

from partnerbase.core.filters import list_filter

from .models import (
    Accelerator,
    Attendance,
    Cohort,
    CohortMembership,
    Milestone,
    SelectionDecision,
    SupportSession,
)

AcceleratorFilter = list_filter(
    Accelerator, search=("name", "description"), ids=("delivery_partner",), dates=("starts_on",)
)
CohortFilter = list_filter(Cohort, search=("name",), ids=("accelerator",), dates=("starts_on",))
CohortMembershipFilter = list_filter(
    CohortMembership,
    search=("organisation__name",),
    ids=("cohort", "organisation", "challenge_area"),
    choices=("status",),
    dates=("joined_on",),
)
SupportSessionFilter = list_filter(
    SupportSession,
    search=("title", "facilitator"),
    ids=("cohort",),
    choices=("kind",),
    dates=("held_on",),
)
AttendanceFilter = list_filter(Attendance, ids=("session", "membership"))
MilestoneFilter = list_filter(
    Milestone, search=("title",), ids=("membership",), choices=("status",), dates=("due_on",)
)
SelectionDecisionFilter = list_filter(
    SelectionDecision,
    search=("application__organisation__name",),
    ids=("application",),
    choices=("decision",),
    dates=("decided_at",),
)
