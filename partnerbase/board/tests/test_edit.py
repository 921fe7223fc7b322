"""Changing a board decision and an action in the pages: the convening team only (every role
tried), another programme's record is a 404, bad input saves nothing, history keeps the old."""

from datetime import date

import pytest
from django.urls import reverse

from partnerbase.accounts.models import Role
from partnerbase.board import services
from partnerbase.board.models import Action, Decision
from partnerbase.core.errors import DomainError

from .helpers import Board
from .test_views import EVERYONE, MANAGE, _date, refused_status, sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def board():
    return Board()


def _decision_url(b, decision=None):
    return reverse("board:decision_edit", args=[b.programme.slug, (decision or b.decision).uid])


def _action_url(b, action=None):
    return reverse("board:action_edit", args=[b.programme.slug, (action or b.action).uid])


def _action_data(b, **changes):
    data = {
        "description": "Pledge staff time",
        "owner": f"c-{b.other_seat.uid}",
        "decision": str(b.decision.uid),
        **_date("due_on", date(2018, 1, 31)),
    }
    return {**data, **changes}


@pytest.mark.parametrize("who", EVERYONE)
def test_who_may_change_a_decision_and_an_action(client, board, who):
    sign_in(client, board, who)

    pages = [client.get(_decision_url(board)), client.get(_action_url(board))]
    posts = [
        client.post(_decision_url(board), {"kind": "agreed_work", "summary": "Pilot in Leeds"}),
        client.post(_action_url(board), _action_data(board)),
    ]

    decision = Decision.objects.get(pk=board.decision.pk)
    action = Action.objects.get(pk=board.action.pk)
    if who in MANAGE:
        assert [r.status_code for r in pages + posts] == [200, 200, 302, 302]
        assert decision.summary == "Pilot in Leeds" and action.description == "Pledge staff time"
    else:
        refused = refused_status(who)
        assert [r.status_code for r in pages + posts] == [refused] * 4
        assert decision.summary == "Be ambitious" and action.description == "Pledge resources"


def test_another_programmes_decision_and_action_are_not_found(client, board):
    other = Board(board.actor)
    sign_in(client, board, Role.TEAM)
    slug = board.programme.slug

    urls = [
        reverse("board:decision_edit", args=[slug, other.decision.uid]),
        reverse("board:action_edit", args=[slug, other.action.uid]),
        _decision_url(other),
        _action_url(other),
    ]

    for url in urls:
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"kind": "ambition", "summary": "Taken"}).status_code == 404, url
    assert Decision.objects.get(pk=other.decision.pk).summary == "Be ambitious"


def test_the_team_changes_a_decision_and_history_keeps_the_old(client, board):
    team = sign_in(client, board, Role.TEAM)

    page = client.get(_decision_url(board)).content.decode()
    response = client.post(
        _decision_url(board),
        {"kind": "agreed_work", "summary": " Pilot in Leeds ", "detail": "With the council"},
    )

    assert 'value="Be ambitious"' in page  # the form starts from the decision
    assert response["Location"] == reverse(
        "board:meeting_detail", args=[board.programme.slug, board.meeting.uid]
    )
    decision = Decision.objects.get(pk=board.decision.pk)
    assert (decision.kind, decision.summary, decision.detail) == (
        "agreed_work",
        "Pilot in Leeds",
        "With the council",
    )
    newest, older = decision.history.all()[:2]
    assert (newest.history_user, newest.history_change_reason) == (team, "Decision changed")
    assert (older.kind, older.summary) == ("ambition", "Be ambitious")


def test_a_decision_without_a_summary_saves_nothing(client, board):
    sign_in(client, board, Role.TEAM)

    response = client.post(_decision_url(board), {"kind": "", "summary": ""})

    text = response.content.decode()
    assert "There is a problem" in text
    assert "Enter the decision&#x27;s summary" in text and "Select ambition or agreed work" in text
    assert Decision.objects.get(pk=board.decision.pk).summary == "Be ambitious"
    assert Decision.objects.get(pk=board.decision.pk).history.count() == 1


def test_the_team_changes_an_action_owner_due_date_and_decision(client, board):
    team = sign_in(client, board, Role.TEAM)
    services.action_complete(actor=board.actor, action=board.action, done_on=date(2017, 12, 1))

    page = client.get(_action_url(board)).content.decode()
    client.post(_action_url(board), _action_data(board, owner=f"p-{board.person.uid}", decision=""))

    assert f'value="c-{board.seat.uid}" selected' in page  # the form starts from the action
    action = Action.objects.get(pk=board.action.pk)
    assert (action.description, action.due_on) == ("Pledge staff time", date(2018, 1, 31))
    assert (action.owner_champion, action.owner_person, action.decision) == (
        None,
        board.person,
        None,
    )
    assert (action.status, action.done_on) == ("done", date(2017, 12, 1))  # kept as it was
    newest, older = action.history.all()[:2]
    assert (newest.history_user, newest.history_change_reason) == (team, "Action changed")
    assert (older.description, older.owner_champion_id) == ("Pledge resources", board.seat.pk)


def test_bad_action_input_names_the_problem_and_saves_nothing(client, board):
    sign_in(client, board, Role.TEAM)

    empty = client.post(_action_url(board), _action_data(board, description="", owner=""))
    early = client.post(
        _action_url(board), _action_data(board, **_date("due_on", date(2017, 11, 1)))
    )
    foreign = client.post(_action_url(board), _action_data(board, owner=f"c-{Board().seat.uid}"))

    assert "Enter the action" in empty.content.decode()
    assert "Choose an owner" in empty.content.decode()
    assert "The due date must be on or after the meeting (21 November 2017)" in (
        early.content.decode()
    )
    assert "Choose an owner" in foreign.content.decode()
    action = Action.objects.get(pk=board.action.pk)
    assert (action.description, action.history.count()) == ("Pledge resources", 1)


def test_the_service_refuses_a_decision_from_another_meeting(board):
    later = services.meeting_create(
        actor=board.actor, programme=board.programme, held_on=date(2018, 2, 1), title="Second"
    )
    elsewhere = services.decision_record(
        actor=board.actor, meeting=later, kind="ambition", summary="Later"
    )

    with pytest.raises(DomainError, match="belongs to another meeting"):
        services.action_update(
            actor=board.actor,
            action=board.action,
            description="X",
            due_on=date(2018, 1, 1),
            owner_champion=board.seat,
            decision=elsewhere,
        )


def test_the_meeting_page_links_to_each_change_for_the_team_only(client, board):
    url = reverse("board:meeting_detail", args=[board.programme.slug, board.meeting.uid])
    sign_in(client, board, Role.TEAM)
    team_page = client.get(url).content.decode()
    client.logout()
    sign_in(client, board, Role.CHAMPION)
    champion_page = client.get(url).content.decode()

    for link in (_decision_url(board), _action_url(board)):
        assert link in team_page and link not in champion_page
