"""The directory's long lists: organisations, engagements and people, filtered, sorted, in
pages and as CSV; the same rows in the API; closed to roles without the directory."""

import csv
import io
from datetime import date

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from partnerbase.accounts.api_tokens import api_token_create
from partnerbase.accounts.models import Role
from partnerbase.directory import services
from tests.factories import Make, make_programme, make_user

from .test_editing import refused

pytestmark = pytest.mark.django_db


@pytest.fixture
def make(db):
    actor = make_user(full_name="Tess Team")
    return Make(actor, make_programme(actor, starts_on=date(2017, 1, 1)))


@pytest.fixture
def users(make):
    people = {role: make.user(role) for role in (Role.TEAM, Role.INNOVATOR, Role.PARTNER_CONTACT)}
    people["no role"] = make_user()
    return people


def page_url(make, name):
    return reverse(f"directory:{name}", args=[make.programme.slug])


def csv_rows(response) -> list[dict]:
    assert response["Content-Type"] == "text/csv"
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))


@pytest.fixture
def orgs(make):
    made = {
        "toolshed": make.org("Toolshed", kind="social_enterprise", regions="West Midlands"),
        "barclays": make.org("Barclays", kind="business", regions="UK"),
        "trussell": make.org("@Trussell Trust", kind="charity", regions="UK"),
    }
    for n, (key, kind) in enumerate(
        [("toolshed", "meeting"), ("toolshed", "call"), ("barclays", "event")]
    ):
        services.engagement_record(
            actor=make.actor,
            programme=make.programme,
            organisation=made[key],
            kind=kind,
            occurred_on=date(2017, 3, n + 1),
            summary=f"Contact {n}",
        )
    services.person_create(
        actor=make.actor, programme=make.programme, organisation=made["barclays"], name="Ada Byron"
    )
    services.person_create(
        actor=make.actor,
        programme=make.programme,
        organisation=made["toolshed"],
        name="Alan Turing",
    )
    return made


def test_organisations_filter_sort_and_csv(client, make, users, orgs):
    client.force_login(users[Role.TEAM])
    page = client.get(
        page_url(make, "organisation_list"), {"sector_group": "business"}
    ).content.decode()
    assert 'data-list-count="1"' in page and "Barclays" in page and "Toolshed" not in page
    # Most engagements first.
    busy = client.get(page_url(make, "organisation_list"), {"sort": "engagements"}).content.decode()
    assert busy.index("Toolshed") < busy.index("Barclays") < busy.index("Trussell")
    rows = csv_rows(
        client.get(page_url(make, "organisation_list"), {"region": "uk", "format": "csv"})
    )
    assert {r["Name"] for r in rows} == {"Barclays", "'@Trussell Trust"}
    assert {r["Engagements"] for r in rows} == {"1", "0"}


def test_engagements_and_people_lists(client, make, users, orgs):
    client.force_login(users[Role.TEAM])
    toolshed = orgs["toolshed"]
    page = client.get(
        page_url(make, "engagement_list"), {"organisation": toolshed.pk}
    ).content.decode()
    assert 'data-list-count="2"' in page and "Contact 2" not in page
    rows = csv_rows(
        client.get(page_url(make, "engagement_list"), {"kind": "call", "format": "csv"})
    )
    assert [r["Summary"] for r in rows] == ["Contact 1"]
    people = client.get(page_url(make, "person_list"), {"q": "barclays"}).content.decode()
    assert 'data-list-count="1"' in people and "Ada Byron" in people and "Alan Turing" not in people
    # The organisation's page links to all its engagements.
    detail = client.get(
        reverse("directory:organisation_detail", args=[make.programme.slug, toolshed.uid])
    ).content.decode()
    assert f"?organisation={toolshed.pk}" in detail


@pytest.mark.parametrize("name", ["engagement_list", "person_list"])
def test_only_directory_readers_see_the_lists(client, make, users, orgs, name):
    for who in (Role.INNOVATOR, Role.PARTNER_CONTACT, "no role"):
        client.force_login(users[who])
        assert client.get(page_url(make, name)).status_code == refused(who)


def test_the_api_and_the_page_give_the_same_organisations(client, make, users, orgs):
    team = users[Role.TEAM]
    client.force_login(team)
    token = api_token_create(actor=team, user=team, name="test")[1]
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    for name, path, query in [
        ("organisation_list", "organisations", {"kind": "charity"}),
        ("organisation_list", "organisations", {"q": "tool", "region": "midlands"}),
        ("engagement_list", "engagements", {"occurred_on__gte": "2017-03-02"}),
    ]:
        rows = csv_rows(client.get(page_url(make, name), {**query, "format": "csv"}))
        answer = api.get(f"/api/v1/programmes/{make.programme.slug}/{path}/", query)
        assert answer.status_code == 200, answer.content
        assert rows and {r["Id"] for r in rows} == {str(r["uid"]) for r in answer.json()["results"]}


def test_an_organisations_history_is_a_long_list_with_what_each_change_made(client, make, users):
    toolshed = make.org("Toolshed", kind="social_enterprise", regions="West Midlands")
    other = make_user(full_name="Olive Other")
    for n in range(55):
        services.organisation_update(
            actor=other if n % 5 == 0 else make.actor,
            organisation=toolshed,
            employee_count=n + 1,
        )
    client.force_login(users[Role.TEAM])
    url = reverse("directory:organisation_history", args=[make.programme.slug, toolshed.uid])
    first = client.get(url).content.decode()
    assert 'data-list-count="56"' in first  # added, then 55 changes: none left out
    assert first.count("data-history-row=") == 50
    # Newest first, with the field it changed.
    assert first.index("“54” → “55”") < first.index("“53” → “54”")
    second = client.get(url, {"page": "2"}).content.decode()
    assert second.count("data-history-row=") == 6 and "Organisation added" in second
    # Filters: the change, who made it (searched), the dates as GOV.UK's boxes.
    assert 'data-list-count="1"' in client.get(url, {"action": "+"}).content.decode()
    by_olive = client.get(url, {"q": "olive"}).content.decode()
    assert 'data-list-count="11"' in by_olive
    # Each change against the record's row before it, though the filter left that out.
    assert "“5” → “6”" in by_olive and "“4” → “5”" not in by_olive
    today = date.today()
    boxes = {"changed_on__gte_0": today.day, "changed_on__gte_1": today.month}
    boxes["changed_on__gte_2"] = today.year + 1
    assert 'data-list-count="0"' in client.get(url, boxes).content.decode()
    # Oldest first, asked in the URL.
    oldest = client.get(url, {"sort": "-when"}).content.decode()
    assert oldest.index("Organisation added") < oldest.index("“1” → “2”")
    # The CSV: the filtered changes, each with what it changed, formulas neutralised.
    rows = csv_rows(client.get(url, {"q": "olive", "format": "csv"}))
    assert len(rows) == 11 and {r["Who"] for r in rows} == {"Olive Other"}
    assert any(r["Changes"] == "employee_count: 5 → 6" for r in rows), rows[:2]
    # The API's list of changes, with the page's filters, gives the same rows.
    team = users[Role.TEAM]
    api = APIClient()
    api.credentials(
        HTTP_AUTHORIZATION=f"Bearer {api_token_create(actor=team, user=team, name='t')[1]}"
    )
    answer = api.get(
        f"/api/v1/programmes/{make.programme.slug}/organisation-history/",
        {"organisation": str(toolshed.uid), "q": "olive", "page_size": 100},
    )
    assert answer.status_code == 200, answer.content
    listed = answer.json()["results"]
    assert len(listed) == 11 and {r["who"] for r in listed} == {"Olive Other"}
    assert sorted(r["employee_count"] for r in listed) == [1, 6, 11, 16, 21, 26, 31, 36, 41, 46, 51]
    # The directory's readers only.
    client.force_login(users[Role.INNOVATOR])
    assert client.get(url).status_code == 403
