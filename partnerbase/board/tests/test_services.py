"""The board's services: terms, papers (checked, stored privately), decisions, actions;
bad input raises a DomainError naming the field and saves nothing."""

import hashlib
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from partnerbase.board import services
from partnerbase.board.models import Action, BoardPaper, Champion
from partnerbase.core.errors import DomainError
from partnerbase.core.period import Period
from partnerbase.impact.roles import ROLE_SOURCES

from .helpers import Board, pdf_upload

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def board():
    return Board()


def test_a_paper_is_stored_privately_with_its_metadata(board, media):
    content = pdf_upload().read()
    paper = services.paper_upload(
        actor=board.actor, meeting=board.meeting, title=" Agenda ", upload=pdf_upload("Agenda.PDF")
    )
    paper.refresh_from_db()
    assert (paper.title, paper.original_filename) == ("Agenda", "Agenda.PDF")
    assert paper.size_bytes == len(content)
    assert paper.sha256 == hashlib.sha256(content).hexdigest()
    assert paper.uploaded_by == board.actor
    # A random name under private/board/, never the name the user gave.
    assert paper.file.name.startswith("private/board/") and "Agenda" not in paper.file.name
    assert paper.file.name.endswith(".pdf")
    assert (media / paper.file.name).read_bytes() == content
    assert paper.history.first().history_user == board.actor


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("run.pdf", b"MZ\x90\x00" + b"\x00" * 40, "a program"),
        ("empty.pdf", b"", "empty"),
        ("paper.exe", b"%PDF-1.4", "must be a"),
        ("fake.pdf", b"hello", "not a PDF"),
    ],
)
def test_a_bad_paper_saves_nothing(board, media, name, content, message):
    files_before = sorted(media.rglob("*"))
    with pytest.raises(DomainError) as refused:
        services.paper_upload(
            actor=board.actor,
            meeting=board.meeting,
            title="Bad",
            upload=SimpleUploadedFile(name, content),
        )
    assert refused.value.field == "file"
    assert message in refused.value.message
    assert BoardPaper.objects.count() == 1
    assert sorted(media.rglob("*")) == files_before


def test_a_paper_over_ten_megabytes_is_refused(board):
    big = SimpleUploadedFile("big.pdf", b"%PDF-1.4\n" + b"0" * (10 * 1024 * 1024))
    with pytest.raises(DomainError, match="smaller than 10 MB"):
        services.paper_upload(actor=board.actor, meeting=board.meeting, title="Big", upload=big)
    assert BoardPaper.objects.count() == 1


def test_a_term_ends_and_a_role_changes_with_history(board):
    seat = services.champion_end_term(
        actor=board.actor, champion=board.seat, ends_on=date(2018, 9, 30)
    )
    assert seat.term_ends_on == date(2018, 9, 30)
    with pytest.raises(DomainError, match="already ended"):
        services.champion_end_term(actor=board.actor, champion=seat, ends_on=date(2018, 10, 1))
    seat = services.champion_change_role(actor=board.actor, champion=board.other_seat, role="chair")
    assert Champion.objects.get(pk=seat.pk).role == "chair"
    reasons = [h.history_change_reason for h in board.seat.history.all()]
    assert "Term ended" in reasons
    with pytest.raises(DomainError):
        services.champion_change_role(actor=board.actor, champion=seat, role="king")


def test_a_term_cannot_end_before_it_starts(board):
    with pytest.raises(DomainError) as refused:
        services.champion_end_term(
            actor=board.actor, champion=board.seat, ends_on=date(2017, 10, 1)
        )
    assert refused.value.field == "ends_on"
    board.seat.refresh_from_db()
    assert board.seat.term_ends_on is None


def test_an_action_has_exactly_one_owner(board):
    kw = {
        "actor": board.actor,
        "meeting": board.meeting,
        "description": "X",
        "due_on": date(2018, 1, 1),
    }
    with pytest.raises(Exception, match="one owner"):
        services.action_record(**kw)
    with pytest.raises(Exception, match="one owner"):
        services.action_record(**kw, owner_champion=board.seat, owner_person=board.person)
    action = services.action_record(**kw, owner_person=board.other_person)
    assert action.owner == board.other_person and action.owner_name == "Olu Other"
    assert Action.objects.count() == 3


def test_an_action_cannot_be_due_before_its_meeting_or_owned_across_programmes(board):
    other = Board(board.actor)
    kw = {"actor": board.actor, "meeting": board.meeting, "description": "X"}
    with pytest.raises(DomainError) as refused:
        services.action_record(**kw, owner_champion=board.seat, due_on=date(2017, 11, 20))
    assert refused.value.field == "due_on"
    with pytest.raises(DomainError) as refused:
        services.action_record(**kw, owner_champion=other.seat, due_on=date(2018, 1, 1))
    assert refused.value.field == "owner_champion"
    with pytest.raises(DomainError) as refused:
        services.action_record(
            **kw, owner_champion=board.seat, due_on=date(2018, 1, 1), decision=other.decision
        )
    assert refused.value.field == "decision"
    assert Action.objects.filter(meeting=board.meeting).count() == 2


def test_an_action_is_done_once_and_is_overdue_only_while_open(board):
    action = board.action
    assert action.is_overdue(date(2017, 12, 2)) and not action.is_overdue(date(2017, 12, 1))
    done = services.action_complete(actor=board.actor, action=action, done_on=date(2017, 12, 5))
    assert (done.status, done.done_on) == ("done", date(2017, 12, 5))
    assert not done.is_overdue(date(2019, 1, 1))
    with pytest.raises(DomainError, match="already done"):
        services.action_complete(actor=board.actor, action=done, done_on=date(2017, 12, 6))
    reopened = services.action_reopen(actor=board.actor, action=done)
    assert (reopened.status, reopened.done_on) == ("open", None)


def test_board_seats_overlapping_the_period_count_as_a_role(board):
    source = next(s for s in ROLE_SOURCES if s.label == "Board seat")
    services.champion_end_term(
        actor=board.actor, champion=board.other_seat, ends_on=date(2017, 12, 31)
    )

    def orgs(start, end):
        rows = source.organisation_ids(board.programme, Period(start, end))
        return {row["organisation_id"] for row in rows}

    assert orgs(date(2017, 1, 1), date(2017, 10, 1)) == set()  # before the terms
    assert orgs(date(2017, 1, 1), date(2017, 10, 2)) == {board.org.pk, board.other_org.pk}
    assert orgs(date(2018, 1, 1), date(2018, 12, 31)) == {board.org.pk}  # the other term ended
