"""Selection, support and milestone records for the small programme (format 1.3): a call
with two submitted applications, one selected into a cohort and one declined (told), a
session with attendance, and milestones with and without evidence."""

from datetime import UTC, date, datetime

from partnerbase.accelerator import services as accelerator
from partnerbase.calls import services as calls


def accelerator_records(actor, p, o) -> None:
    acc = accelerator.accelerator_create(
        actor=actor, programme=p, name="Selecting accelerator", starts_on=date(2018, 1, 1)
    )
    cohort = accelerator.cohort_create(
        actor=actor, accelerator=acc, name="Selected cohort", starts_on=date(2018, 2, 1)
    )
    call = calls.call_create(
        actor=actor,
        accelerator=acc,
        title="Selection call",
        slug="selection-call",
        opens_at=datetime(2017, 9, 1, 9, tzinfo=UTC),
        closes_at=datetime(2017, 11, 1, 12, tzinfo=UTC),
    )
    chosen, other = (
        calls.application_restore(
            actor=actor,
            call=call,
            organisation=org,
            status="submitted",
            answers=[],
            submitted_at=datetime(2017, 10, 30, 10, tzinfo=UTC),
        )
        for org in (o["toolshed"], o["unltd"])
    )
    selected = accelerator.decision_record(
        actor=actor,
        application=chosen,
        decision="selected",
        reason="Proven “and” ready",
        decided_at=datetime(2018, 1, 8, 16, tzinfo=UTC),
        notified_at=datetime(2018, 1, 10, 9, tzinfo=UTC),
    )
    place = accelerator.selection_place_add(
        actor=actor, selection=selected, cohort=cohort, joined_on=date(2018, 2, 1)
    )
    accelerator.decision_record(
        actor=actor,
        application=other,
        decision="declined",
        reason="Not yet",
        illustrative=True,
        decided_at=datetime(2018, 1, 8, 16, tzinfo=UTC),
    )
    session = accelerator.session_create(
        actor=actor,
        cohort=cohort,
        kind="workshop",
        title="Scaling",
        held_on=date(2018, 3, 1),
        facilitator="Nesta",
        notes="Bring the plan",
    )
    accelerator.attendance_set(actor=actor, session=session, memberships=[place])
    accelerator.session_create(
        actor=actor,
        cohort=cohort,
        kind="event",
        title="Demo day",
        held_on=date(2018, 7, 1),
        illustrative=True,
    )
    done = accelerator.milestone_create(
        actor=actor,
        membership=place,
        title="Plan agreed",
        due_on=date(2018, 3, 31),
        description="Signed off",
    )
    accelerator.milestone_evidence_record(
        actor=actor,
        milestone=done,
        status="achieved",
        evidence="Board minutes",
        achieved_on=date(2018, 3, 30),
        filename="minutes.pdf",
        recorded_at=datetime(2018, 3, 30, 12, tzinfo=UTC),
    )
    accelerator.milestone_create(
        actor=actor,
        membership=place,
        title="First partner",
        due_on=date(2018, 5, 31),
        illustrative=True,
    )
