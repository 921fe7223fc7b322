"""Writes for projects and competitions: `<noun>_<verb>(*, actor, ...)`, each in a
transaction and saved through core.history.record_save."""

from .competitions import (
    competition_award_make,
    competition_create,
    competition_entry_record,
    competition_judge_add,
    competition_publish,
    competition_stage_add,
    judge_assign,
    judge_conflict,
    judge_entries_assign,
    judge_scores_submit,
    rubric_criterion_add,
)
from .projects import (
    coalition_member_add,
    project_create,
    project_funding_link,
    project_indicator_add,
    project_observation_record,
    project_publish,
    project_status_change,
)

__all__ = [
    "coalition_member_add",
    "competition_award_make",
    "competition_create",
    "competition_entry_record",
    "competition_judge_add",
    "competition_publish",
    "competition_stage_add",
    "judge_assign",
    "judge_conflict",
    "judge_entries_assign",
    "judge_scores_submit",
    "project_create",
    "project_funding_link",
    "project_indicator_add",
    "project_observation_record",
    "project_publish",
    "project_status_change",
    "rubric_criterion_add",
]
