"""The accelerator's selection decisions, support sessions (attendance nested) and
milestones (an evidence file as its name only: files stay with the installation)."""

from partnerbase.accelerator.models import Milestone, SelectionDecision, SupportSession
from partnerbase.programmes.models import Programme

from ..format import date_text, datetime_text, id_text, sorted_by_id


def selection_decisions(p: Programme) -> list[dict]:
    rows = SelectionDecision.objects.filter(application__call__programme=p).select_related(
        "application", "membership"
    )
    return sorted_by_id(
        {
            "id": str(s.uid),
            "application": id_text(s.application),
            "decision": s.decision,
            "reason": s.reason,
            "decided_at": datetime_text(s.decided_at),
            "notified_at": datetime_text(s.notified_at),
            "cohort_membership": id_text(s.membership),
            "illustrative": s.illustrative,
        }
        for s in rows
    )


def support_sessions(p: Programme) -> list[dict]:
    rows = (
        SupportSession.objects.filter(cohort__accelerator__programme=p)
        .select_related("cohort")
        .prefetch_related("attendances__membership")
    )
    return sorted_by_id(
        {
            "id": str(s.uid),
            "cohort": id_text(s.cohort),
            "kind": s.kind,
            "title": s.title,
            "held_on": date_text(s.held_on),
            "facilitator": s.facilitator,
            "notes": s.notes,
            "attendance": sorted_by_id(
                {
                    "id": str(a.uid),
                    "cohort_membership": id_text(a.membership),
                    "illustrative": a.illustrative,
                }
                for a in s.attendances.all()
            ),
            "illustrative": s.illustrative,
        }
        for s in rows
    )


def milestones(p: Programme) -> list[dict]:
    rows = Milestone.objects.filter(membership__cohort__accelerator__programme=p).select_related(
        "membership"
    )
    return sorted_by_id(
        {
            "id": str(m.uid),
            "cohort_membership": id_text(m.membership),
            "title": m.title,
            "description": m.description,
            "due_on": date_text(m.due_on),
            "status": m.status,
            "achieved_on": date_text(m.achieved_on),
            "evidence": m.evidence,
            "evidence_file": {"name": m.evidence_filename} if m.evidence_filename else None,
            "evidence_recorded_at": datetime_text(m.evidence_recorded_at),
            "illustrative": m.illustrative,
        }
        for m in rows
    )
