"""Assessment of calls: rubrics (with their criteria), assessors' assignments (with their
scores) and moderation notes."""

from partnerbase.accounts.models import Membership, Role
from partnerbase.assessment.models import Assignment, ModerationNote, Rubric
from partnerbase.programmes.models import Programme

from ..format import datetime_text, id_text, sorted_by_id


def assessment_rubrics(p: Programme) -> list[dict]:
    rows = Rubric.objects.filter(call__programme=p).select_related("call")
    return sorted_by_id(
        {
            "id": str(r.uid),
            "call": id_text(r.call),
            "disagreement_threshold": r.disagreement_threshold,
            # In rubric order.
            "criteria": [
                {
                    "id": str(c.uid),
                    "name": c.name,
                    "guidance": c.guidance,
                    "weight": c.weight,
                    "min_score": c.min_score,
                    "max_score": c.max_score,
                    "illustrative": c.illustrative,
                }
                for c in r.criteria.all()
            ],
            "illustrative": r.illustrative,
        }
        for r in rows.prefetch_related("criteria")
    )


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


def moderation_notes(p: Programme) -> list[dict]:
    rows = ModerationNote.objects.filter(application__call__programme=p).select_related(
        "application"
    )
    return sorted_by_id(
        {
            "id": str(n.uid),
            "application": id_text(n.application),
            "note": n.note,
            "illustrative": n.illustrative,
        }
        for n in rows
    )
