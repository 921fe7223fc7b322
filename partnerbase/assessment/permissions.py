"""Who may do what in assessment; each tested for every role (tests/test_views.py).

The convening team and accelerator managers manage the rubric and assignments and see
every score and the ranking. An assessor sees only their own assignments, and others'
scores on an application only once they have submitted their own. Champions, innovators,
partner contacts and working-group members see nothing here.
"""

from django.db.models import QuerySet

from partnerbase.accounts.models import Role
from partnerbase.accounts.permissions import is_administrator, programme_roles

from .models import Assignment

MANAGERS = {Role.TEAM, Role.ACCELERATOR_MANAGER}


def can_manage_assessment(user, programme) -> bool:
    """Rubrics, assignments, the ranking and moderation notes."""
    return is_administrator(user) or bool(programme_roles(user, programme) & MANAGERS)


def can_assess(user, programme) -> bool:
    """The "my assessments" list: anyone holding the assessor role here."""
    return Role.ASSESSOR in programme_roles(user, programme)


def can_view_assessment(user, programme) -> bool:
    return can_manage_assessment(user, programme) or can_assess(user, programme)


def can_score(user, assignment: Assignment) -> bool:
    """Only the assessor it is assigned to, while they hold the role."""
    return assignment.assessor_id == getattr(user, "pk", None) and can_assess(
        user, assignment.application.call.programme
    )


def visible_assignments(user, programme) -> QuerySet:
    """The one row rule for assignments, used by the list and by can_view_assignment:
    managers see every assignment, an assessor (while they hold the role) their own."""
    assignments = Assignment.objects.filter(application__call__programme=programme)
    if can_manage_assessment(user, programme):
        return assignments
    if not can_assess(user, programme):
        return assignments.none()
    return assignments.filter(assessor=user)


def can_view_assignment(user, assignment: Assignment) -> bool:
    rows = visible_assignments(user, assignment.application.call.programme)
    return rows.filter(pk=assignment.pk).exists()


def can_see_all_scores(user, assignment: Assignment) -> bool:
    """Everyone's scores on this assignment's application: managers, and the assessor once
    their own are submitted."""
    programme = assignment.application.call.programme
    if can_manage_assessment(user, programme):
        return True
    return can_score(user, assignment) and assignment.submitted_at is not None
