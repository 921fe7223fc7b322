"""Assessment pages; every view checks the role (permissions.py)."""

from .assess import index, mine, score
from .manage import (
    assignment_remove,
    assignments,
    assignments_auto,
    criterion_remove,
    moderation_note,
    ranking,
    rubric,
)

__all__ = [
    "assignment_remove",
    "assignments",
    "assignments_auto",
    "criterion_remove",
    "index",
    "mine",
    "moderation_note",
    "ranking",
    "rubric",
    "score",
]
