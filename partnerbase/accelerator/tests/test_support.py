"""Sessions with attendance; milestones with evidence (text and checked files); overdue."""

from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from partnerbase.accelerator import services
from partnerbase.accelerator.models import Attendance, Milestone
from partnerbase.core.errors import DomainError

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n% evidence\n"


@pytest.fixture
def places(world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    out = {}
    for key in ("alpha", "bravo", "charlie"):
        s = services.decision_record(
            actor=world.actor,
            application=world.applications[key],
            decision="selected",
            reason="Good",
        )
        out[key] = services.selection_place_add(
            actor=world.actor, selection=s, cohort=world.cohort, joined_on=date(2018, 2, 1)
        )
    services.cohort_member_withdraw(
        actor=world.actor, membership=out["charlie"], on=date(2018, 3, 1)
    )
    return out


def test_attendance_is_set_exactly_and_refuses_those_who_had_withdrawn(world, places):
    session = services.session_create(
        actor=world.actor,
        cohort=world.cohort,
        kind="workshop",
        title="Scaling",
        held_on=date(2018, 4, 1),
    )
    services.attendance_set(
        actor=world.actor, session=session, memberships=[places["alpha"], places["bravo"]]
    )
    services.attendance_set(actor=world.actor, session=session, memberships=[places["bravo"]])
    assert [a.membership for a in Attendance.objects.all()] == [places["bravo"]]
    with pytest.raises(DomainError, match="withdrawn before"):
        services.attendance_set(actor=world.actor, session=session, memberships=[places["charlie"]])
    assert [a.membership for a in Attendance.objects.all()] == [places["bravo"]]


def test_a_milestone_for_all_skips_the_withdrawn(world, places):
    made = services.milestones_create_for_cohort(
        actor=world.actor,
        cohort=world.cohort,
        title="Scaling plan agreed",
        due_on=date(2018, 3, 31),
    )
    assert {m.membership for m in made} == {places["alpha"], places["bravo"]}


def test_overdue_is_flagged_until_achieved(world, places):
    m = services.milestone_create(
        actor=world.actor,
        membership=places["alpha"],
        title="Plan",
        due_on=date.today() - timedelta(days=1),
    )
    assert m.overdue
    services.milestone_evidence_record(
        actor=world.actor,
        milestone=m,
        status="achieved",
        evidence="Signed off",
        achieved_on=date.today(),
    )
    assert not m.overdue
    later = services.milestone_create(
        actor=world.actor,
        membership=places["alpha"],
        title="Later",
        due_on=date.today() + timedelta(days=1),
    )
    assert not later.overdue


def test_evidence_with_a_checked_file_is_stored_privately(world, places):
    m = services.milestone_create(
        actor=world.actor, membership=places["alpha"], title="Plan", due_on=date(2018, 3, 31)
    )
    upload = SimpleUploadedFile("plan.pdf", PDF, content_type="application/pdf")
    services.milestone_evidence_record(
        actor=world.actor,
        milestone=m,
        status="achieved",
        upload=upload,
        achieved_on=date(2018, 3, 30),
    )
    m.refresh_from_db()
    assert m.evidence_filename == "plan.pdf"
    assert (
        m.evidence_file.name.startswith("private/milestones/")
        and "plan" not in m.evidence_file.name
    )
    assert m.evidence_file.read() == PDF
    assert m.evidence_recorded_by == world.actor or m.evidence_recorded_by is None


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("plan.exe", b"MZ", "must be a"),
        ("plan.pdf", b"just some text, not a pdf", "not a PDF"),
        ("plan.pdf", b"", "empty"),
    ],
)
def test_bad_files_are_refused_and_nothing_is_saved(world, places, name, content, message):
    m = services.milestone_create(
        actor=world.actor, membership=places["alpha"], title="Plan", due_on=date(2018, 3, 31)
    )
    upload = SimpleUploadedFile(name, content)
    with pytest.raises(DomainError, match=message) as exc:
        services.milestone_evidence_record(
            actor=world.actor, milestone=m, status="in_progress", evidence="Draft", upload=upload
        )
    assert exc.value.field == "evidence_file"
    fresh = Milestone.objects.get(pk=m.pk)
    assert fresh.status == "planned" and fresh.evidence == "" and not fresh.evidence_file


def test_achieved_needs_evidence_and_a_date(world, places):
    m = services.milestone_create(
        actor=world.actor, membership=places["alpha"], title="Plan", due_on=date(2018, 3, 31)
    )
    with pytest.raises(DomainError) as exc:
        services.milestone_evidence_record(
            actor=world.actor, milestone=m, status="achieved", achieved_on=date(2018, 3, 1)
        )
    assert exc.value.field == "evidence"
    with pytest.raises(DomainError) as exc:
        services.milestone_evidence_record(
            actor=world.actor, milestone=m, status="achieved", evidence="Done"
        )
    assert exc.value.field == "achieved_on"
    with pytest.raises(DomainError) as exc:
        services.milestone_evidence_record(
            actor=world.actor,
            milestone=m,
            status="in_progress",
            evidence="x",
            achieved_on=date(2018, 3, 1),
        )
    assert exc.value.field == "achieved_on"
    assert Milestone.objects.get(pk=m.pk).status == "planned"
