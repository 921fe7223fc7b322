"""Creating the accelerator's selection decisions, support sessions with attendance, and
milestones with their evidence (a file's name only; the file itself is not in the format)."""

from partnerbase.accelerator import services as accelerator

from ..format import parse_datetime
from ..restore import nested
from ..spec import by_name
from .base import file_date as _date
from .generic import create


def selection_decision(imp, r: dict):
    selection = create(imp, by_name("selection_decisions"), r)
    if r.get("cohort_membership"):
        selection = accelerator.selection_place_link(
            actor=imp.actor,
            selection=selection,
            membership=imp.ref(r["cohort_membership"]),
        )
    return selection


def support_session(imp, r: dict):
    session = create(imp, by_name("support_sessions"), r)
    rows = r.get("attendance", [])
    with nested("attendance"):
        members = [imp.ref(a["cohort_membership"]) for a in rows]
        made = accelerator.attendance_set(
            actor=imp.actor,
            session=session,
            memberships=members,
            illustrative=any(a.get("illustrative", False) for a in rows),
            uids={m.pk: a["id"] for m, a in zip(members, rows, strict=True)},
        )
    by_member = {a.membership_id: a for a in made}
    for m, a in zip(members, rows, strict=True):
        imp.pending[a["id"]] = by_member[m.pk]
    return session


def milestone(imp, r: dict):
    recorded_at = parse_datetime(r.get("evidence_recorded_at"))
    milestone = accelerator.milestone_create(
        **imp.common(r),
        membership=imp.ref(r["cohort_membership"]),
        title=r["title"],
        description=r.get("description", ""),
        due_on=_date(r, "due_on"),
        status=r.get("status", "planned") if recorded_at is None else "planned",
        achieved_on=_date(r, "achieved_on") if recorded_at is None else None,
    )
    if recorded_at is not None:
        milestone = accelerator.milestone_evidence_record(
            actor=imp.actor,
            milestone=milestone,
            status=r.get("status", "planned"),
            evidence=r.get("evidence", ""),
            achieved_on=_date(r, "achieved_on"),
            recorded_at=recorded_at,
            filename=(r.get("evidence_file") or {}).get("name", ""),
        )
    return milestone
