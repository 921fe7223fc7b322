"""Who may open each board page and do each board action: every role, a superuser, a
signed-in person with no role here and a signed-out visitor. The team manages the board;
champions read it and its papers and mark their own organisation's actions done; every other
role is refused (an innovator sees no board papers); other programmes get a 404."""

from datetime import date
from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from partnerbase.accounts.models import Role
from partnerbase.board import services
from partnerbase.board.models import Action, BoardMeeting, BoardPaper, Champion, Decision
from tests.factories import roles

from .helpers import Board, pdf_upload

pytestmark = pytest.mark.django_db

MANAGE = {Role.TEAM, "superuser"}
READ = MANAGE | {Role.CHAMPION}
EVERYONE = [*Role.values, "superuser", "no role"]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def board():
    return Board()


def _u(name, args):
    return lambda b: reverse(f"board:{name}", args=[b.programme.slug, *args(b)])


PAGES = {
    "board": (_u("home", lambda b: []), READ),
    "meeting": (_u("meeting_detail", lambda b: [b.meeting.uid]), READ),
    "paper": (_u("paper_download", lambda b: [b.paper.uid]), READ),
    "appoint": (_u("champion_appoint", lambda b: []), MANAGE),
    "end term": (_u("champion_end_term", lambda b: [b.seat.uid]), MANAGE),
    "change role": (_u("champion_role", lambda b: [b.seat.uid]), MANAGE),
    "add meeting": (_u("meeting_add", lambda b: []), MANAGE),
    "edit meeting": (_u("meeting_edit", lambda b: [b.meeting.uid]), MANAGE),
    "add paper": (_u("paper_add", lambda b: [b.meeting.uid]), MANAGE),
    "add decision": (_u("decision_add", lambda b: [b.meeting.uid]), MANAGE),
    "add action": (_u("action_add", lambda b: [b.meeting.uid]), MANAGE),
}


def sign_in(client, board, who):
    return roles.sign_in(client, who, board.user)


def refused_status(who):
    # Someone without a role here is not told the programme exists.
    return 404 if who == "no role" else 403


@pytest.mark.parametrize("who", EVERYONE)
@pytest.mark.parametrize("page", PAGES)
def test_who_may_open_each_page(client, board, page, who):
    sign_in(client, board, who)
    response = client.get(PAGES[page][0](board))
    if who in PAGES[page][1]:
        assert response.status_code == 200
    else:
        assert response.status_code == refused_status(who)


@pytest.mark.parametrize("page", PAGES)
def test_signed_out_visitors_are_sent_to_sign_in(client, board, page):
    response = client.get(PAGES[page][0](board))
    assert response.status_code == 302
    assert urlsplit(response["Location"]).path == reverse("accounts:login")


@pytest.mark.parametrize("who", [Role.TEAM, Role.CHAMPION])
def test_the_board_page_shows_members_meetings_papers_decisions_and_open_actions(
    client, board, who
):
    sign_in(client, board, who)
    text = client.get(PAGES["board"][0](board)).content.decode()
    for shown in ("Sam Seat", "Seat Holder plc", "First meeting", "Terms", "Be ambitious"):
        assert shown in text
    assert "Pledge resources" in text and "Overdue" in text
    assert reverse("board:paper_download", args=[board.programme.slug, board.paper.uid]) in text
    # Only the team sees the buttons that change the board.
    assert ("Record a meeting" in text) is (who == Role.TEAM)


def test_a_paper_downloads_as_an_attachment_with_its_own_name(client, board):
    sign_in(client, board, Role.CHAMPION)
    response = client.get(PAGES["paper"][0](board))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="paper.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == pdf_upload().read()


def test_a_paper_cannot_be_fetched_from_another_programme(client, board):
    other = Board(board.actor)
    user = sign_in(client, board, Role.TEAM)
    # Through this programme's address: no such paper here.
    url = reverse("board:paper_download", args=[board.programme.slug, other.paper.uid])
    assert client.get(url).status_code == 404
    # Through the other programme's address: the user has no role there.
    assert client.get(PAGES["paper"][0](other)).status_code == 404
    assert user.memberships.get().programme == board.programme


def test_no_page_serves_papers_from_a_public_media_address(client, board):
    sign_in(client, board, Role.TEAM)
    assert client.get("/media/" + board.paper.file.name).status_code == 404


# --- actions: each form posted by each role ----------------------------------------------


def _date(prefix, on):
    return {f"{prefix}_0": on.day, f"{prefix}_1": on.month, f"{prefix}_2": on.year}


ACTIONS = {
    "appoint": (
        lambda b: {
            "person": b.person_at(b.org, "New Champion").pk,
            "organisation": b.org.pk,
            "role": "member",
            **_date("term_starts_on", date(2018, 1, 1)),
        },
        lambda: Champion.objects.count(),
    ),
    "end term": (
        lambda b: _date("ends_on", date(2018, 9, 30)),
        lambda: Champion.objects.exclude(term_ends_on=None).count(),
    ),
    "change role": (
        lambda b: {"role": "chair"},
        lambda: Champion.objects.filter(role="chair").count(),
    ),
    "add meeting": (
        lambda b: {"title": "Second", "agenda": "", **_date("held_on", date(2018, 2, 1))},
        lambda: BoardMeeting.objects.count(),
    ),
    "edit meeting": (
        lambda b: {"title": "Renamed", "agenda": "", **_date("held_on", date(2017, 11, 21))},
        lambda: BoardMeeting.objects.filter(title="Renamed").count(),
    ),
    "add paper": (
        lambda b: {"title": "Minutes", "file": pdf_upload("minutes.pdf")},
        lambda: BoardPaper.objects.count(),
    ),
    "add decision": (
        lambda b: {"kind": "agreed_work", "summary": "Three challenge areas", "detail": ""},
        lambda: Decision.objects.count(),
    ),
    "add action": (
        lambda b: {
            "description": "Write to partners",
            "owner": f"c-{b.seat.uid}",
            "decision": str(b.decision.uid),
            **_date("due_on", date(2018, 1, 31)),
        },
        lambda: Action.objects.count(),
    ),
}


@pytest.mark.parametrize("who", EVERYONE)
@pytest.mark.parametrize("action", ACTIONS)
def test_who_may_change_the_board(client, board, action, who):
    data_of, count = ACTIONS[action]
    data = data_of(board)
    sign_in(client, board, who)
    before = count()

    response = client.post(PAGES[action][0](board), data)

    if who in MANAGE:
        assert response.status_code == 302, response.content.decode()[:2000]
        assert count() == before + 1
    else:
        assert response.status_code == refused_status(who)
        assert count() == before


@pytest.mark.parametrize("who", EVERYONE)
def test_who_may_mark_an_action_done(client, board, who):
    sign_in(client, board, who)

    own = client.post(reverse("board:action_done", args=[board.programme.slug, board.action.uid]))
    other = client.post(
        reverse("board:action_done", args=[board.programme.slug, board.other_action.uid])
    )

    statuses = dict(Action.objects.values_list("pk", "status"))
    if who in MANAGE:
        assert (own.status_code, other.status_code) == (302, 302)
        assert statuses == {board.action.pk: "done", board.other_action.pk: "done"}
    elif who == Role.CHAMPION:
        # Their own organisation's action only.
        assert (own.status_code, other.status_code) == (302, 403)
        assert statuses == {board.action.pk: "done", board.other_action.pk: "open"}
    else:
        assert own.status_code == other.status_code == refused_status(who)
        assert set(statuses.values()) == {"open"}


# --- bad input: the error summary, nothing saved -------------------------------------------


@pytest.mark.parametrize(
    "upload, message",
    [
        (("setup.pdf", b"MZ\x90\x00" + b"\x00" * 64), "a program, not a document"),
        (("empty.pdf", b""), "The selected file is empty"),
        (("notes.html", b"<p>hi</p>"), "must be a PDF"),
        (None, "Select a file"),
    ],
)
def test_a_bad_upload_shows_the_error_summary_and_saves_nothing(client, board, upload, message):
    from django.core.files.uploadedfile import SimpleUploadedFile

    sign_in(client, board, Role.TEAM)
    data = {"title": "Bad"}
    if upload:
        data["file"] = SimpleUploadedFile(*upload)
    response = client.post(PAGES["add paper"][0](board), data)
    text = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in text and message in text
    assert 'href="#id_file"' in text
    assert BoardPaper.objects.count() == 1


def test_bad_dates_show_the_error_summary_and_save_nothing(client, board):
    sign_in(client, board, Role.TEAM)
    response = client.post(
        PAGES["add action"][0](board),
        {
            "description": "Too early",
            "owner": f"c-{board.seat.uid}",
            **_date("due_on", date(2017, 1, 1)),
        },
    )
    text = response.content.decode()
    assert "govuk-error-summary" in text and "on or after the meeting" in text
    response = client.post(
        PAGES["appoint"][0](board),
        {
            "person": board.person.pk,
            "organisation": board.org.pk,
            "role": "member",
            "term_starts_on_0": "31",
            "term_starts_on_1": "2",
            "term_starts_on_2": "2018",
        },
    )
    assert "must be a real date" in response.content.decode()
    assert (Action.objects.count(), Champion.objects.count()) == (2, 2)


def _more_of_everything(board, n):
    for i in range(n):
        meeting = services.meeting_create(
            actor=board.actor,
            programme=board.programme,
            held_on=date(2018, 1, 1 + i),
            title=f"M{i}",
        )
        services.paper_upload(actor=board.actor, meeting=meeting, title="P", upload=pdf_upload())
        services.decision_record(actor=board.actor, meeting=meeting, kind="ambition", summary="D")
        services.action_record(
            actor=board.actor,
            meeting=meeting,
            description="A",
            owner_person=board.person,
            due_on=date(2018, 2, 1),
        )


@pytest.mark.parametrize("who", [Role.TEAM, Role.CHAMPION])
def test_the_board_page_needs_as_many_queries_for_many_meetings_as_for_one(
    client, board, who, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    sign_in(client, board, who)
    url = PAGES["board"][0](board)
    client.get(url)  # warm the session and the role cache
    with CaptureQueriesContext(connection) as one:
        assert client.get(url).status_code == 200
    _more_of_everything(board, 5)
    with django_assert_num_queries(len(one.captured_queries)):
        text = client.get(url).content.decode()
    assert text.count("data-meeting=") == 6


def test_an_imported_paper_without_its_file_is_listed_but_not_served(client, board):
    paper = services.paper_restore(
        actor=board.actor,
        meeting=board.meeting,
        title="Minutes",
        original_filename="m.pdf",
        size_bytes=10,
        sha256="0" * 64,
    )
    sign_in(client, board, Role.TEAM)
    text = client.get(PAGES["board"][0](board)).content.decode()
    assert "Minutes (file not imported)" in text
    url = reverse("board:paper_download", args=[board.programme.slug, paper.uid])
    assert client.get(url).status_code == 404
