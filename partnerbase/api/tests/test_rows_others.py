"""The parts of records read on their record's page (a project's coalition, money and
indicators, a competition's stages, rubric, entries, judges, awards and a judge's own
assignments, a pledge's deliveries, a vote's ballots) and the team's lists (brokering rounds,
invitations, background work, the directory's people): for each role, the pages are walked
and what they put in their context is compared with the API's list."""

import pytest

from partnerbase.accounts.models import Role
from partnerbase.notifications.models import Kind, Notification
from partnerbase.notifications.services import notification_send
from partnerbase.notifications.tests.helpers import committed

from .conftest import Caller
from .test_rows_more import Pages, _listed

pytestmark = pytest.mark.django_db
SKIP = object()  # the pages show this caller these records another way: not compared here


def _projects(pages, part):
    listing = pages.context("projects:project_list")
    if listing is None:
        return None
    found = []
    for project in listing["projects"]:
        page = pages.context("projects:project_detail", project.uid)
        if part == "coalition":
            found += list(page["project"].coalition.all())
        elif part == "funding":
            found += [link for side in page["money"].values() for link in side["rows"]]
        else:
            found += [row["indicator"] for row in page["indicators"]]
    return found


def _competitions(pages, part):
    listing = pages.context("projects:competition_list")
    if listing is None:
        return None
    found = []
    for competition in listing["competitions"]:
        page = pages.context("projects:competition_detail", competition.uid)
        if page is not None:
            found += list(page[part])
    return found


def _deliveries(pages):
    ledger = pages.context("pledges:ledger", follow=True)
    if ledger is None:
        return None
    if "filters" not in ledger:  # sent on to their organisation's pledges
        return SKIP
    found = []
    for pledge in ledger["filters"].qs:
        found += pages.context("pledges:detail", pledge.uid)["deliveries"]
    return found


def _ballots(pages):
    votes = pages.context("challenges:vote_list")
    if votes is None:
        return None
    return [
        b for v in votes["votes"] for b in pages.context("challenges:vote_detail", v.uid)["ballots"]
    ]


def _in(page_name, key, each=lambda rows: rows):
    def shown(pages):
        page = pages.context(page_name)
        if page is None:
            return None
        return SKIP if key not in page else list(each(page[key]))

    return shown


SHOWN = {
    "coalition-members": lambda pages: _projects(pages, "coalition"),
    "project-funding": lambda pages: _projects(pages, "funding"),
    "project-indicators": lambda pages: _projects(pages, "indicators"),
    "competition-stages": lambda pages: _competitions(pages, "stages"),
    "competition-criteria": lambda pages: _competitions(pages, "criteria"),
    "competition-entries": lambda pages: _competitions(pages, "entries"),
    "competition-judges": lambda pages: _competitions(pages, "judges"),
    "competition-awards": lambda pages: _competitions(pages, "awards"),
    "judge-assignments": lambda pages: _competitions(pages, "assignments"),
    "pledge-deliveries": _deliveries,
    "ballots": _ballots,
    "brokering-rounds": _in("brokering:home", "rounds"),
    "invitations": _in("people:list", "invitations"),
    "jobs": _in("jobs:list", "jobs"),
    "directory-people": _in("directory:person_list", "filters", lambda filters: filters.qs),
}


def test_each_list_holds_the_records_its_pages_show(world, many_calls):
    compared, differ, nonempty = 0, [], set()
    for who, user in world.users.items():
        if user is None:
            continue
        pages, api = Pages(user, world.alpha.slug), Caller(user)
        for kind, shown_by in SHOWN.items():
            shown = shown_by(pages)
            if shown is SKIP:
                continue
            listed = _listed(api, f"/api/v1/programmes/{world.alpha.slug}/{kind}/")
            if shown is None:
                if listed:
                    differ.append(f"{who} {kind}: the pages refuse, the API lists {listed}")
                continue
            shown = {str(record.uid) for record in shown}
            compared += 1
            nonempty |= {kind} if shown else set()
            if shown != listed:
                differ.append(f"{who} {kind}: pages {sorted(shown)} ≠ API {sorted(listed or ())}")
    assert not differ, "\n".join(differ)
    assert nonempty == set(SHOWN), set(SHOWN) - nonempty
    assert compared >= 2 * len(SHOWN)


def test_a_judge_reads_their_own_assignments_and_not_the_judges(world, many_calls):
    judge = Caller(world.users["judge"])
    slug = world.alpha.slug
    own = judge.get(f"/api/v1/programmes/{slug}/judge-assignments/").json()["results"]
    assert own and all("scores" in row for row in own)
    # The judges' list is for those who manage the competition (its page lists them).
    assert judge.get(f"/api/v1/programmes/{slug}/competition-judges/").json()["count"] == 0
    team = Caller(world.users[Role.TEAM])
    assert team.get(f"/api/v1/programmes/{slug}/competition-judges/").json()["count"] >= 1


def test_an_invitation_never_carries_its_token(world, many_calls):
    team = Caller(world.users[Role.TEAM])
    rows = team.get(f"/api/v1/programmes/{world.alpha.slug}/invitations/").json()["results"]
    assert rows
    for row in rows:
        assert "token_hash" not in row and "token" not in row
        assert world.invitation_token not in str(row)


def test_notifications_are_the_callers_own(world, many_calls):
    slug = world.alpha.slug
    told = [world.users[Role.INNOVATOR], world.users[Role.PARTNER_CONTACT]]
    with committed():
        notification_send(
            actor=world.users[Role.TEAM],
            programme=world.alpha,
            kind=Kind.INTRODUCTION_SENT,
            users=told,
            subject="An introduction",
            body="Meet them",
        )
    seen = {}
    for who, user in world.users.items():
        answer = Caller(user).get(f"/api/v1/programmes/{slug}/notifications/")
        if user is not None and answer.status_code == 200:
            seen[who] = {row["uid"] for row in answer.json()["results"]}
    for who, uids in seen.items():
        owners = set(Notification.objects.filter(uid__in=uids).values_list("user", flat=True))
        assert owners <= {world.users[who].pk}, who
    assert seen[Role.INNOVATOR] and seen[Role.PARTNER_CONTACT] and len(seen) >= 5
