"""The programme's change log: every kind of record's changes in one long list for the
team, filtered by kind, person, change and dates, searched, sorted, in pages and as a CSV,
with nothing from another programme and a deleted record's changes kept."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from partnerbase.accounts.models import Role
from partnerbase.core.changes import paths_to_programme, record_kinds
from partnerbase.core.history import record_delete
from partnerbase.directory import services as directory
from partnerbase.funding import services as funding
from partnerbase.funding.models import Disbursement
from partnerbase.rubrics.models import Criterion
from tests.factories import Make, make_programme, make_user
from tests.factories.lists import csv_download, listed_count

pytestmark = pytest.mark.django_db


@pytest.fixture
def make(db):
    actor = make_user(full_name="Tess Team")
    return Make(actor, make_programme(actor))


@pytest.fixture
def world(make):
    """Two programmes with an award and a disbursement each; in ours, Olive renames the
    recipient and the disbursement is deleted."""
    olive = make.user(Role.TEAM, full_name="Olive Other")
    funder, toolshed = make.org("UnLtd", kind="funder"), make.org("Toolshed")
    award = make.award(funder=funder, recipient=toolshed, amount="1000", on=date(2017, 3, 1))
    paid = funding.disbursement_record(
        actor=make.actor, award=award, kind="actual", on=date(2017, 4, 1), amount=Decimal("100")
    )
    directory.organisation_update(actor=olive, organisation=toolshed, name="Toolshed Ltd")
    record_delete(paid, actor=make.actor, reason="Entered twice")
    other = Make(make.actor, make_programme(make.actor))
    elsewhere = other.award(
        funder=other.org("Elsewhere funder", kind="funder"),
        recipient=other.org("Elsewhere innovator"),
        amount="500",
        on=date(2017, 3, 1),
    )
    funding.disbursement_record(
        actor=make.actor, award=elsewhere, kind="actual", on=date(2017, 4, 1), amount=Decimal("5")
    )
    return {"olive": olive, "award": award, "toolshed": toolshed, "other": other.programme}


def log_url(programme) -> str:
    return reverse("changes:log", args=[programme.slug])


def test_every_kind_of_record_with_history_reaches_its_programme():
    # A model added later is in the log without a line anywhere: its path is found.
    for kind in record_kinds().values():
        if kind.key != "programmes.programme":
            paths_to_programme(kind.model)
    assert "funding.disbursement" in record_kinds()
    assert paths_to_programme(Disbursement) == (("award",),)
    # A criterion is a call's rubric's or a competition's: either way reaches a programme.
    assert set(paths_to_programme(Criterion)) == {("rubric", "call"), ("competition",)}


def test_the_change_log_lists_every_kind_of_change_in_the_programme(client, make, world):
    client.force_login(world["olive"])
    url = log_url(make.programme)
    page = client.get(url).content.decode()
    # Ours: the programme, the memberships, three organisations (created, one renamed),
    # the award, the disbursement (created, deleted); never the other programme's.
    assert "Elsewhere" not in page
    assert "Toolshed Ltd" in page and "Entered twice" in page
    everything = csv_download(client.get(url, {"format": "csv"}))
    assert len(everything) == listed_count(page)
    kinds = {row["Kind of record"] for row in everything}
    assert {"Programme", "Organisation", "Funding award", "Disbursement"} <= kinds
    assert all("Elsewhere" not in row["Record"] for row in everything)
    # The deleted disbursement's changes stay, its deletion with its reason.
    disbursements = client.get(url, {"kind": "funding.disbursement"}).content.decode()
    assert listed_count(disbursements) == 2
    assert "Deleted: Entered twice" in disbursements
    # Who: Olive's one change, by the filter or by searching her name.
    olive = world["olive"].pk
    by_olive = csv_download(client.get(url, {"who": olive, "format": "csv"}))
    assert [(r["Who"], r["Record"], r["What"]) for r in by_olive] == [
        ("Olive Other", "Toolshed Ltd", "changed")
    ]
    assert "name: Toolshed → Toolshed Ltd" in by_olive[0]["Changes"]
    assert listed_count(client.get(url, {"q": "olive other"}).content.decode()) == 1
    # A record's name is searched too, in every kind that has one.
    named = csv_download(client.get(url, {"q": "toolshed", "format": "csv"}))
    assert {r["Kind of record"] for r in named} == {"Organisation"} and len(named) == 2
    # The change and the dates.
    assert listed_count(client.get(url, {"action": "-"}).content.decode()) == 1
    today = date.today()
    tomorrow = {"changed_on__gte": date.fromordinal(today.toordinal() + 1).isoformat()}
    assert listed_count(client.get(url, tomorrow).content.decode()) == 0
    assert listed_count(client.get(url, {"changed_on__lte": today.isoformat()}).content.decode())


def test_the_change_log_sorts_and_pages_across_kinds(client, make, world):
    for n in range(60):
        directory.organisation_update(
            actor=make.actor, organisation=world["toolshed"], employee_count=n + 1
        )
    client.force_login(world["olive"])
    url = log_url(make.programme)
    first = client.get(url).content.decode()
    total = listed_count(first)
    assert total > 60 and first.count("data-history-row=") == 50
    # Newest first: the last change to the employee count heads the list.
    assert first.index("“59” → “60”") < first.index("“58” → “59”")
    rest = client.get(url, {"page": 2}).content.decode()
    shown = set(_rows(first)) | set(_rows(rest))
    assert len(shown) == total  # no row repeated or skipped between the pages
    # By who: "Olive Other" before "Tess Team", and the other way round.
    by_who = csv_download(client.get(url, {"sort": "who", "format": "csv"}))
    assert [r["Who"] for r in by_who] == sorted(r["Who"] for r in by_who)
    backwards = csv_download(client.get(url, {"sort": "-who", "format": "csv"}))
    assert backwards[0]["Who"] == "Tess Team" and backwards[-1]["Who"] == "Olive Other"
    by_kind = csv_download(client.get(url, {"sort": "kind", "format": "csv"}))
    assert by_kind[0]["Kind of record"] == "Disbursement"


def _rows(body: str) -> list[str]:
    return [part.split('"')[0] for part in body.split('data-history-row="')[1:]]


def test_a_bad_date_is_told_beside_its_field(client, make, world):
    client.force_login(world["olive"])
    page = client.get(log_url(make.programme), {"changed_on__gte": "31 Feb"}).content.decode()
    assert "govuk-error-summary" in page and "must be a real date" in page


@pytest.mark.parametrize("role", [Role.CHAMPION, Role.ACCELERATOR_MANAGER, Role.INNOVATOR])
def test_only_the_team_reads_the_change_log(client, make, world, role):
    client.force_login(make.user(role))
    assert client.get(log_url(make.programme)).status_code == 403
    client.force_login(make_user())
    assert client.get(log_url(make.programme)).status_code == 404


def test_a_page_of_the_log_reads_a_few_queries_a_kind_not_a_query_a_row(client, make, world):
    client.force_login(world["olive"])
    url = log_url(make.programme)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    def changes(count: int) -> None:  # changes to two kinds, taking turns
        for n in range(count):
            directory.organisation_update(
                actor=make.actor, organisation=world["toolshed"], employee_count=n + 1
            )
            funding.funding_award_change(actor=make.actor, award=world["award"], title=f"A{n}")

    changes(30)
    before = queries()  # a full page of the two kinds
    changes(60)
    assert queries() == before
