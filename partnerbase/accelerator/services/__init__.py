"""Writes for the accelerator: cohorts, selection, support sessions and milestones."""

from .cohorts import (
    accelerator_create,
    accelerator_update,
    cohort_create,
    cohort_member_add,
    cohort_member_graduate,
    cohort_member_withdraw,
    cohort_update,
)
from .selection import (
    cohort_select,
    decision_notify,
    decision_record,
    selection_place_add,
    selection_place_link,
)
from .support import (
    attendance_set,
    milestone_create,
    milestone_evidence_record,
    milestones_create_for_cohort,
    session_create,
)

__all__ = [
    "accelerator_create",
    "accelerator_update",
    "attendance_set",
    "cohort_create",
    "cohort_member_add",
    "cohort_member_graduate",
    "cohort_member_withdraw",
    "cohort_select",
    "cohort_update",
    "decision_notify",
    "decision_record",
    "milestone_create",
    "milestone_evidence_record",
    "milestones_create_for_cohort",
    "selection_place_add",
    "selection_place_link",
    "session_create",
]
