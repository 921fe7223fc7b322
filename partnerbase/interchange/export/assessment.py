"""Assessors' assignments: the one array whose records need the programme's roles too."""

from partnerbase.accounts.models import Membership, Role
from partnerbase.assessment.models import Assignment
from partnerbase.programmes.models import Programme

from ..format import datetime_text, id_text, sorted_by_id


def _assessor_organisations(p: Programme) -> dict[int, list[str]]:
    """The organisations each assessor acts for in the programme, as file ids."""
    result: dict[int, list[str]] = {}
    rows = Membership.objects.filter(
        programme=p, role=Role.ASSESSOR, organisation__isnull=False
    ).select_related("organisation")
    for m in rows:
        result.setdefault(m.user_id, []).append(str(m.organisation.uid))
    return {user: sorted(ids) for user, ids in result.items()}


def assessor_assignments(p: Programme) -> list[dict]:
    """An assessor's user account is written as its email and name, as competition judges'
    are, with the organisations their assessor role names (the conflict-of-interest rule
    compares those); import finds the account by email or creates it."""
    rows = (
        Assignment.objects.filter(application__call__programme=p)
        .select_related("application", "assessor")
        .prefetch_related("scores__criterion")
    )
    organisations = _assessor_organisations(p)
    return sorted_by_id(
        {
            "id": str(a.uid),
            "application": id_text(a.application),
            "email": a.assessor.email,
            "name": a.assessor.full_name,
            "organisations": organisations.get(a.assessor_id, []),
            "submitted_at": datetime_text(a.submitted_at),
            # In rubric order; a score's own id is not kept (the pair identifies it).
            "scores": [
                {"criterion": str(s.criterion.uid), "score": s.score, "comment": s.comment}
                for s in a.scores.all()
            ],
            "illustrative": a.illustrative,
        }
        for a in rows
    )
