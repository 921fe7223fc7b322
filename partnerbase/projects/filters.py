"""Projects' and competitions' filters, and their parts'."""

from partnerbase.core.filters import list_filter
from partnerbase.rubrics.models import Criterion as RubricCriterion

from .models import (
    CoalitionMember,
    CollaborativeProject,
    Competition,
    CompetitionAward,
    CompetitionEntry,
    CompetitionJudge,
    CompetitionStage,
    JudgeAssignment,
    ProjectFunding,
    ProjectIndicator,
)

ProjectFilter = list_filter(
    CollaborativeProject,
    search=("name", "description", "region"),
    ids=("challenge_area",),
    choices=("status",),
    dates=("launch_date",),
    flags=("published",),
    name="ProjectFilter",
)
CoalitionMemberFilter = list_filter(
    CoalitionMember,
    search=("organisation__name",),
    ids=("project", "organisation"),
    choices=("role",),
    dates=("joined_on",),
)
ProjectFundingFilter = list_filter(ProjectFunding, ids=("project", "award"), choices=("direction",))
ProjectIndicatorFilter = list_filter(ProjectIndicator, search=("name", "unit"), ids=("project",))
CompetitionFilter = list_filter(
    Competition,
    search=("name", "description"),
    ids=("sponsor", "challenge_area"),
    dates=("launch_date",),
    flags=("published",),
)
CompetitionStageFilter = list_filter(
    CompetitionStage, search=("name",), ids=("competition",), dates=("starts_on", "ends_on")
)
CompetitionCriterionFilter = list_filter(
    RubricCriterion, search=("name",), ids=("competition",), name="CompetitionCriterionFilter"
)
CompetitionEntryFilter = list_filter(
    CompetitionEntry,
    search=("title", "organisation__name"),
    ids=("competition", "organisation"),
    dates=("entered_on",),
)
CompetitionJudgeFilter = list_filter(
    CompetitionJudge, search=("user__full_name",), ids=("competition", "organisation")
)
CompetitionAwardFilter = list_filter(CompetitionAward, ids=("entry", "funding_award"))
JudgeAssignmentFilter = list_filter(
    JudgeAssignment, ids=("entry", "judge"), dates=("submitted_on",)
)
