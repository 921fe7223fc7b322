"""Support sessions with attendance, and milestones with their evidence."""

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from partnerbase.core.errors import DomainError
from partnerbase.core.history import record_delete, record_save
from partnerbase.core.uploads import check_upload

from ..models import (
    Attendance,
    Cohort,
    CohortMembership,
    MembershipStatus,
    Milestone,
    MilestoneStatus,
    SupportSession,
)


@transaction.atomic
def session_create(
    *,
    actor,
    cohort: Cohort,
    kind: str,
    title: str,
    held_on: date,
    facilitator: str = "",
    notes: str = "",
    illustrative: bool = False,
    uid=None,
) -> SupportSession:
    session = SupportSession(
        cohort=cohort,
        kind=kind,
        title=title,
        held_on=held_on,
        facilitator=facilitator,
        notes=notes,
        illustrative=illustrative,
    )
    return record_save(session, uid=uid, actor=actor, reason="Session added")


@transaction.atomic
def attendance_set(
    *, actor, session: SupportSession, memberships, illustrative: bool = False, uids=None
) -> list[Attendance]:
    """Make the session's attendance exactly `memberships` (innovators of its cohort).

    `uids` maps a membership's pk to the uid its attendance row keeps (demo and import)."""
    wanted = {m.pk: m for m in memberships}
    for m in wanted.values():
        if m.cohort_id != session.cohort_id:
            raise DomainError(f"{m.organisation} is not in {session.cohort}.", field="memberships")
        if m.status == MembershipStatus.WITHDRAWN and m.withdrawn_on <= session.held_on:
            raise DomainError(
                f"{m.organisation} had withdrawn before the session.", field="memberships"
            )
    rows = []
    for row in list(session.attendances.all()):
        if row.membership_id not in wanted:
            record_delete(row, actor=actor, reason="Attendance removed")
        else:
            rows.append(row)
            wanted.pop(row.membership_id)
    for pk, membership in wanted.items():
        row = Attendance(session=session, membership=membership, illustrative=illustrative)
        rows.append(record_save(row, uid=(uids or {}).get(pk), actor=actor, reason="Attended"))
    return rows


def _check_dates(status: str, achieved_on: date | None) -> None:
    if status == MilestoneStatus.ACHIEVED and achieved_on is None:
        raise DomainError("Enter the date the milestone was achieved.", field="achieved_on")
    if status != MilestoneStatus.ACHIEVED and achieved_on is not None:
        raise DomainError(
            "Only an achieved milestone has a date achieved: leave it blank.", field="achieved_on"
        )


@transaction.atomic
def milestone_create(
    *,
    actor,
    membership: CohortMembership,
    title: str,
    due_on: date,
    description: str = "",
    status: str = MilestoneStatus.PLANNED,
    achieved_on: date | None = None,
    illustrative: bool = False,
    uid=None,
) -> Milestone:
    _check_dates(status, achieved_on)
    milestone = Milestone(
        membership=membership,
        title=title,
        description=description,
        due_on=due_on,
        status=status,
        achieved_on=achieved_on,
        illustrative=illustrative,
    )
    return record_save(milestone, uid=uid, actor=actor, reason="Milestone set")


@transaction.atomic
def milestones_create_for_cohort(
    *, actor, cohort: Cohort, title: str, due_on: date, description: str = ""
) -> list[Milestone]:
    """The same milestone for every innovator of the cohort who has not withdrawn."""
    members = cohort.memberships.exclude(status=MembershipStatus.WITHDRAWN)
    if not members.exists():
        raise DomainError("The cohort has no innovators yet.", field="membership")
    return [
        milestone_create(
            actor=actor, membership=m, title=title, due_on=due_on, description=description
        )
        for m in members
    ]


@transaction.atomic
def milestone_evidence_record(
    *,
    actor,
    milestone: Milestone,
    status: str,
    evidence: str = "",
    upload=None,
    achieved_on: date | None = None,
    recorded_at: datetime | None = None,
    filename: str = "",
) -> Milestone:
    """Record progress on a milestone with evidence: text and/or a checked file.

    `filename` without `upload` keeps only the name of a file (an import's metadata)."""
    evidence = (evidence or "").strip()
    _check_dates(status, achieved_on)
    if upload is not None:
        try:
            check_upload(upload)
        except ValidationError as exc:
            raise DomainError(exc.messages[0], field="evidence_file") from exc
    has_file = upload is not None or bool(milestone.evidence_filename) or bool(filename)
    if status == MilestoneStatus.ACHIEVED and not (evidence or has_file):
        raise DomainError(
            "Give the evidence that the milestone was achieved: a description or a file.",
            field="evidence",
        )
    milestone.status = status
    milestone.achieved_on = achieved_on
    milestone.evidence = evidence
    if upload is not None:
        milestone.evidence_file.save(upload.name, upload, save=False)
        milestone.evidence_filename = upload.name.rsplit("/", 1)[-1][:200]
    elif filename:
        milestone.evidence_filename = filename[:200]
    milestone.evidence_recorded_at = recorded_at or timezone.now()
    milestone.evidence_recorded_by = actor if getattr(actor, "is_authenticated", False) else None
    return record_save(milestone, actor=actor, reason="Evidence recorded")
