"""Assessment's filters: rubrics, criteria, assignments, scores and moderation notes."""

from partnerbase.core.filters import list_filter
from partnerbase.rubrics.models import Criterion

from .models import Assignment, ModerationNote, Rubric, Score

RubricFilter = list_filter(Rubric, ids=("call",))
CriterionFilter = list_filter(Criterion, search=("name",), ids=("rubric",))
AssignmentFilter = list_filter(
    Assignment,
    search=("application__organisation__name",),
    ids=("application", "assessor"),
    dates=("submitted_at",),
)
ScoreFilter = list_filter(Score, ids=("assignment", "criterion"))
ModerationNoteFilter = list_filter(ModerationNote, search=("note",), ids=("application",))
