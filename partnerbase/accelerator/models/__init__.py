"""The accelerator: cohorts and their innovators, selection decisions, support sessions and
milestones."""

from .cohorts import Accelerator, Cohort, CohortMembership, MembershipStatus
from .selection import Decision, SelectionDecision
from .support import Attendance, Milestone, MilestoneStatus, SessionKind, SupportSession

__all__ = [
    "Accelerator",
    "Attendance",
    "Cohort",
    "CohortMembership",
    "Decision",
    "MembershipStatus",
    "Milestone",
    "MilestoneStatus",
    "SelectionDecision",
    "SessionKind",
    "SupportSession",
]
