"""Creating the accelerator's selection decisions, support sessions with attendance, and
milestones with their evidence (a file's name only; the file itself is not in the format)."""

from partnerbase.accelerator import services as accelerator

from ..format import parse_datetime
from ..restore import nested
from .base import file_date as _date


class AcceleratorSteps:
    def selection_decision(self, r: dict):
        selection = accelerator.decision_record(
            **self.common(r),
            application=self.ref(r["application"]),
            decision=r["decision"],
            reason=r["reason"],
            decided_at=parse_datetime(r.get("decided_at")),
            notified_at=parse_datetime(r.get("notified_at")),
        )
        if r.get("cohort_membership"):
            selection = accelerator.selection_place_link(
                actor=self.actor,
                selection=selection,
                membership=self.ref(r["cohort_membership"]),
            )
        return selection

    def support_session(self, r: dict):
        session = accelerator.session_create(
            **self.common(r),
            cohort=self.ref(r["cohort"]),
            kind=r["kind"],
            title=r["title"],
            held_on=_date(r, "held_on"),
            facilitator=r.get("facilitator", ""),
            notes=r.get("notes", ""),
        )
        rows = r.get("attendance", [])
        with nested("attendance"):
            members = [self.ref(a["cohort_membership"]) for a in rows]
            made = accelerator.attendance_set(
                actor=self.actor,
                session=session,
                memberships=members,
                illustrative=any(a.get("illustrative", False) for a in rows),
                uids={m.pk: a["id"] for m, a in zip(members, rows, strict=True)},
            )
        by_member = {a.membership_id: a for a in made}
        for m, a in zip(members, rows, strict=True):
            self.pending[a["id"]] = by_member[m.pk]
        return session

    def milestone(self, r: dict):
        recorded_at = parse_datetime(r.get("evidence_recorded_at"))
        milestone = accelerator.milestone_create(
            **self.common(r),
            membership=self.ref(r["cohort_membership"]),
            title=r["title"],
            description=r.get("description", ""),
            due_on=_date(r, "due_on"),
            status=r.get("status", "planned") if recorded_at is None else "planned",
            achieved_on=_date(r, "achieved_on") if recorded_at is None else None,
        )
        if recorded_at is not None:
            milestone = accelerator.milestone_evidence_record(
                actor=self.actor,
                milestone=milestone,
                status=r.get("status", "planned"),
                evidence=r.get("evidence", ""),
                achieved_on=_date(r, "achieved_on"),
                recorded_at=recorded_at,
                filename=(r.get("evidence_file") or {}).get("name", ""),
            )
        return milestone
