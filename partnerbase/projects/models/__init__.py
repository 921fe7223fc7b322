"""Collaborative projects (coalitions, indicators, funding links) and competitions."""

from .competitions import (
    Competition,
    CompetitionAward,
    CompetitionEntry,
    CompetitionJudge,
    CompetitionStage,
    JudgeAssignment,
    JudgeScore,
)
from .projects import (
    LAUNCHED_STATUSES,
    CoalitionMember,
    CoalitionRole,
    CollaborativeProject,
    FundingDirection,
    ObservationQuality,
    ProjectFunding,
    ProjectIndicator,
    ProjectObservation,
    ProjectStatus,
)

__all__ = [
    "LAUNCHED_STATUSES",
    "CoalitionMember",
    "CoalitionRole",
    "CollaborativeProject",
    "Competition",
    "CompetitionAward",
    "CompetitionEntry",
    "CompetitionJudge",
    "CompetitionStage",
    "FundingDirection",
    "JudgeAssignment",
    "JudgeScore",
    "ObservationQuality",
    "ProjectFunding",
    "ProjectIndicator",
    "ProjectObservation",
    "ProjectStatus",
]
