"""The board's, working groups', calls', assessment's, stories', the ledger's detail and the
accelerator's lists hold exactly the records their pages show the same person: for each role
the pages are walked (a list page, then each record's page it links to) and what they put in
their context is compared with the API's list. Another programme's records answer 404."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from partnerbase.accounts.models import Role
from partnerbase.api.reads_more import MORE_KINDS
from partnerbase.assessment.models import Assignment
from partnerbase.assessment.services import assignment_add, scores_save
from partnerbase.calls.models import Application

from .conftest import Caller
from .test_matrix import THROUGH, _record

pytestmark = pytest.mark.django_db


class Pages:
    """A signed-in browser that reads what a page put in its context (None unless 200)."""

    def __init__(self, user, slug):
        self.client = Client()
        self.client.force_login(user)
        self.slug = slug

    def context(self, name, *args, follow=False):
        answer = self.client.get(reverse(name, args=[self.slug, *args]), follow=follow)
        return answer.context if answer.status_code == 200 else None


def _board(pages, part):
    home = pages.context("board:home")
    if home is None:
        return None
    board = home["board"]
    meetings = board.upcoming + board.past
    if part == "seats":
        return board.seats + board.past_seats
    if part == "meetings":
        return meetings
    if part == "decisions":
        return board.decisions
    found = []
    for meeting in meetings:
        page = pages.context("board:meeting_detail", meeting.uid)
        found += page["actions"] if part == "actions" else list(page["meeting"].papers.all())
    return found


def _groups(pages, part):
    listing = pages.context("workinggroups:group_list")
    if listing is None:
        return None
    groups = listing["groups"] + listing["archived"]
    if part == "groups":
        return groups
    found = []
    for group in groups:
        page = pages.context("workinggroups:group_detail", group.uid)
        if part == "members":
            found += page["members"]
        elif part == "meetings":
            found += page["meetings"]
        else:
            found += [idea for _, ideas in page["ideas_by_status"] for idea in ideas]
    return found


def _calls(pages, part):
    listing = pages.context("calls:call_list")
    if part == "applications":
        mine = pages.context("calls:my_applications")
        if listing is None:
            return None if mine is None else list(mine["applications"])
    if listing is None:
        return None
    calls = list(listing["calls"])
    if part == "calls":
        return calls
    found = []
    for call in calls:
        if part == "questions":
            found += list(pages.context("calls:call_detail", call.slug)["questions"])
        else:
            page = pages.context("calls:application_list", call.slug)
            found += list(page["filters"].qs)  # every page's rows, not only the first
    return found


def _assessment(pages, part):
    index = pages.context("assessment:index")
    if index is None:
        return None
    assignments = list(index["mine"])
    for call in index["calls"]:
        page = pages.context("assessment:assignments", call.slug)
        assignments += [a for _, rows in page["rows"] for a in rows]
    if part == "assignments":
        return assignments
    if part == "criteria":  # each call's rubric page for managers, the score pages for all
        found = [
            c
            for call in index["calls"]
            for c in pages.context("assessment:rubric", call.slug)["criteria"]
        ]
        for assignment in index["mine"]:
            found += pages.context("assessment:score", assignment.uid)["criteria"]
        return found
    found = []
    for assignment in assignments:
        page = pages.context("assessment:score", assignment.uid)
        found += list(page["own"]) if page["mine"] else []
        found += [score for _, scores in page["others"] for score in scores]
    return found


def _ledger(pages, part):
    ledger = pages.context("funding:ledger")
    if ledger is None:
        return None
    found = []
    for row in ledger["ledger"].rows:
        page = pages.context("funding:award_detail", row.award.uid)
        if part == "disbursements":
            found += [d for _, rows, _, _ in page["disbursement_groups"] for d in rows]
        else:
            found += page["repayments"]
    return found


def _accelerator(pages, part):
    home = pages.context("accelerator:home", follow=True)
    if home is None:
        return None
    if "accelerators" in home:  # a manager: every cohort's page, and each place's page
        if part == "accelerators":
            return list(home["accelerators"])
        places, sessions = [], []
        for cohort in home["cohorts"]:
            page = pages.context("accelerator:cohort", cohort.uid)
            places += list(page["memberships"])
            sessions += list(page["sessions"])
        if part == "sessions":
            return sessions
    else:  # an innovator: their own place's page, or their places
        places = [home["membership"]] if "membership" in home else list(home["places"])
        if part == "accelerators":
            return None
    if part == "places":
        return places
    found = []
    for place in places:
        page = pages.context("accelerator:innovator", place.uid)
        found += list(page["milestones"] if part == "milestones" else page["sessions"])
    return found


def _listed_on(page_name, key, each=lambda record: record):
    def shown(pages):
        page = pages.context(page_name)
        return None if page is None else [each(record) for record in page[key]]

    return shown


def _saved_criteria(pages):
    # Until the team saves criteria the page shows the four unsaved defaults: no records.
    page = pages.context("champions:prospect_list")
    return None if page is None else [c for c in page["criteria"] if c.pk]


def _stories(pages):
    page = pages.context("stories:story_list")
    return None if page is None else [text.story for text in page["stories"]]


# API list → what the pages show (None where the pages refuse the caller).
SHOWN = {
    "board-seats": lambda pages: _board(pages, "seats"),
    "board-meetings": lambda pages: _board(pages, "meetings"),
    "board-papers": lambda pages: _board(pages, "papers"),
    "board-decisions": lambda pages: _board(pages, "decisions"),
    "board-actions": lambda pages: _board(pages, "actions"),
    "working-groups": lambda pages: _groups(pages, "groups"),
    "working-group-members": lambda pages: _groups(pages, "members"),
    "working-group-meetings": lambda pages: _groups(pages, "meetings"),
    "ideas": lambda pages: _groups(pages, "ideas"),
    "calls": lambda pages: _calls(pages, "calls"),
    "call-questions": lambda pages: _calls(pages, "questions"),
    "applications": lambda pages: _calls(pages, "applications"),
    "assessments": lambda pages: _assessment(pages, "assignments"),
    "scores": lambda pages: _assessment(pages, "scores"),
    "stories": _stories,
    "champion-prospects": _listed_on("champions:prospect_list", "rows", lambda row: row.prospect),
    "champion-criteria": _saved_criteria,
    "challenge-proposals": _listed_on("challenges:proposal_list", "proposals"),
    "challenge-votes": _listed_on("challenges:vote_list", "votes"),
    "assessment-criteria": lambda pages: _assessment(pages, "criteria"),
    "disbursements": lambda pages: _ledger(pages, "disbursements"),
    "loan-repayments": lambda pages: _ledger(pages, "repayments"),
    "exchange-rates": lambda pages: (pages.context("funding:rates") or {}).get("rates"),
    "accelerators": lambda pages: _accelerator(pages, "accelerators"),
    "cohort-places": lambda pages: _accelerator(pages, "places"),
    "support-sessions": lambda pages: _accelerator(pages, "sessions"),
    "milestones": lambda pages: _accelerator(pages, "milestones"),
}


def _listed(caller, url) -> set[str] | None:
    uids, page = set(), 1
    while True:
        answer = caller.get(url, page=page)
        if answer.status_code != 200:
            return None
        body = answer.json()
        uids |= {row["uid"] for row in body["results"]}
        if not body["next"]:
            return uids
        page += 1


def _submitted_scores(world):
    """The assessor is given, and submits, an application another assessor has scored in
    draft: from then on the score page shows them the other's scores."""
    assessor = world.users[Role.ASSESSOR]
    other = Assignment.objects.filter(application__call__programme=world.alpha).exclude(
        assessor=assessor
    )[0]
    # Whether they may be given it (conflicts of interest) is not what is tested here.
    own = assignment_add(
        actor=world.users[Role.TEAM],
        application=other.application,
        assessor=assessor,
        check_conflict=False,
    )
    criteria = own.application.call.rubric.criteria.all()
    scores = {c.pk: (c.max_score, "Strong") for c in criteria}
    scores_save(actor=assessor, assignment=own, scores=scores, submit=True)
    return own


def test_each_list_holds_the_records_its_pages_show(world, many_calls):
    _submitted_scores(world)
    compared, differ, nonempty = 0, [], set()
    for who, user in world.users.items():
        if user is None:
            continue
        pages, api = Pages(user, world.alpha.slug), Caller(user)
        for kind, shown_by in SHOWN.items():
            shown = shown_by(pages)
            listed = _listed(api, reverse(f"api:{kind}-list", args=[world.alpha.slug]))
            if shown is None:
                # Refused by the pages: refused by the API (the matrix checks the codes).
                if listed is not None and listed:
                    differ.append(f"{who} {kind}: the pages refuse, the API lists {listed}")
                continue
            shown = {str(record.uid) for record in shown}
            compared += 1
            nonempty |= {kind} if shown else set()
            if shown != listed:
                differ.append(f"{who} {kind}: pages {sorted(shown)} ≠ API {sorted(listed or ())}")
    assert not differ, "\n".join(differ)
    # Every kind was compared with some records in it, not only as an empty list.
    assert nonempty == set(SHOWN), set(SHOWN) - nonempty
    assert compared >= 3 * len(SHOWN)


def test_another_programmes_record_is_not_found(world, many_calls):
    """The team of one programme asks for a record of the other by its uid: 404, as on
    the pages; their own programme's list does not hold it either."""
    bravo_team = Caller(world.users["other programme's team"])
    alpha_team = Caller(world.users[Role.TEAM])
    checked = 0
    for kind in SHOWN:
        record = _record(world, kind)
        if record is None:
            continue
        for slug in (world.alpha.slug, world.bravo.slug):
            url = reverse(f"api:{kind}-detail", args=[slug, record.uid])
            assert bravo_team.get(url).status_code == 404, (kind, slug)
        own = reverse(f"api:{kind}-detail", args=[world.alpha.slug, record.uid])
        assert alpha_team.get(own).status_code == 200, kind
        checked += 1
    assert checked >= len(SHOWN) - 1


def test_an_assessor_reads_others_scores_only_after_submitting_their_own(world, many_calls):
    assessor = world.users[Role.ASSESSOR]
    url = reverse("api:scores-list", args=[world.alpha.slug])
    other = Assignment.objects.filter(application__call__programme=world.alpha).exclude(
        assessor=assessor
    )[0]
    theirs = {score.pk for score in other.scores.all()}
    assert theirs, "the world has another assessor's scores"
    before = Caller(assessor).get(url, page_size=500).json()["results"]
    _submitted_scores(world)
    after = Caller(assessor).get(url, page_size=500).json()["results"]
    assert before and not theirs & {row["id"] for row in before}
    assert theirs <= {row["id"] for row in after}


def test_an_applicant_reads_their_own_applications_and_no_programme_list(world, many_calls):
    applicant = Caller(world.users["applicant"])
    url = reverse("api:applications-list", args=[world.alpha.slug])
    rows = applicant.get(url).json()["results"]
    assert len(rows) == 1 and rows[0]["organisation"] == world.org("Applicant CIC").pk
    # Its file answer is read through the page's checked download, not from storage.
    downloads = [a["download"] for a in rows[0]["answers"] if a["download"]]
    page = Client()
    page.force_login(world.users["applicant"])
    assert downloads and page.get(downloads[0]).status_code == 200
    # The applicant holds no role: the programme's other lists are closed to them.
    calls = reverse("api:calls-list", args=[world.alpha.slug])
    assert applicant.get(calls).status_code == 404
    # The team reads every call's applications.
    team = Caller(world.users[Role.TEAM]).get(url, page_size=500).json()
    assert team["count"] == Application.objects.filter(call__programme=world.alpha).count() > 1


def test_a_paper_is_read_as_metadata_with_the_checked_download(world, many_calls):
    champion = world.users[Role.CHAMPION]
    url = reverse("api:board-papers-list", args=[world.alpha.slug])
    paper = Caller(champion).get(url).json()["results"][0]
    assert "file" not in paper and "uploaded_by" not in paper
    assert paper["download"] == reverse(
        "board:paper_download", args=[world.alpha.slug, paper["uid"]]
    )
    page = Client()
    page.force_login(champion)
    assert page.get(paper["download"]).status_code == 200
    innovator = Caller(world.users[Role.INNOVATOR])
    assert innovator.get(url).status_code == 403


def test_every_kind_without_a_programme_names_how_it_reaches_one():
    # _record finds each kind's record through THROUGH; a kind missing there would find none.
    for kind in MORE_KINDS:
        names = {f.name for f in kind.model._meta.fields}
        assert "programme" in names or kind.path in THROUGH, kind.path


def test_no_list_reads_its_records_one_by_one(world, many_calls):
    """A page of one record and a page of all of them take the same queries (no N+1)."""
    team = Caller(world.users[Role.TEAM])
    team.get(reverse("api:programme_list"))  # the token's first use is noted once
    grows, measured = [], 0
    for kind in [*SHOWN, "people"]:
        url = reverse(f"api:{kind}-list", args=[world.alpha.slug])
        counts = []
        for size in (1, 500):
            with CaptureQueriesContext(connection) as queries:
                answer = team.get(url, page_size=size)
            counts.append(len(queries))
        if answer.json()["count"] > 1:
            measured += 1
            if counts[1] > counts[0]:
                grows.append(f"{kind}: {counts[0]} queries for one record, {counts[1]} for all")
    assert not grows, "\n".join(grows)
    assert measured >= 15
