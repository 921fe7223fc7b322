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
