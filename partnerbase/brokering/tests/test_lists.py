"""The brokering lists: filters, search, sort and pages in the URL, the CSV of exactly the
filtered rows, the API's list giving the same rows, and no role seeing more than before."""

import csv
import io
from datetime import date

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from partnerbase.accounts.api_tokens import api_token_create
from partnerbase.accounts.models import Role
from partnerbase.brokering import services
from partnerbase.brokering.models import Partnership
from partnerbase.brokering.permissions import can_view_partnership
from partnerbase.brokering.queries import partnership_list
from partnerbase.brokering.stages import Stage

pytestmark = pytest.mark.django_db


def url(world, name):
    return reverse(f"brokering:{name}", args=[world.programme.slug])


def rows_of(response) -> list[list[str]]:
    assert response["Content-Type"] == "text/csv"
    body = b"".join(response.streaming_content).decode()
    return list(csv.reader(io.StringIO(body)))


def api_rows(world, user, path, query) -> list[str]:
    token = api_token_create(actor=user, user=user, name="test")[1]
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    answer = client.get(f"/api/v1/programmes/{world.programme.slug}/{path}/?{query}")
    assert answer.status_code == 200, answer.content
    return sorted(str(r["uid"]) for r in answer.json()["results"])


def test_partnerships_filter_search_sort_and_pages(client, world):
    make = world.make
    confirmed = [
        make.partnership(stage=Stage.CONFIRMED, on=date(2018, 3, n + 1), value="1000")
        for n in range(3)
    ]
    declined = make.partnership(stage=Stage.DECLINED, on=date(2018, 4, 1))
    client.force_login(world.user(Role.TEAM))
    page = url(world, "partnership_list")

    response = client.get(page, {"stage": "confirmed", "sort": "-confirmed"})
    body = response.content.decode()
    assert 'data-list-count="3"' in body
    assert declined.name not in body
    # Oldest confirmation first, as asked; the heading says so to assistive technology.
    names = [p.name for p in sorted(confirmed, key=lambda p: p.confirmed_on)]
    assert [body.index(n) for n in names] == sorted(body.index(n) for n in names)
    assert 'aria-sort="ascending"' in body

    # Search by name.
    wanted = confirmed[1].name
    matching = [p for p in [*confirmed, declined] if wanted.lower() in p.name.lower()]
    response = client.get(page, {"q": wanted})
    assert f'data-list-count="{len(matching)}"' in response.content.decode()
    assert len(matching) < 4

    # A bad date: a message at the field, not an error page.
    response = client.get(page, {"confirmed_on__gte": "2018-13-45"})
    assert response.status_code == 200
    assert "govuk-form-group--error" in response.content.decode()


def test_pages_of_fifty_keep_the_filters(client, world):
    for n in range(55):
        world.make.partnership(stage=Stage.ACTIVE, on=date(2018, 1, 1 + n % 28))
    client.force_login(world.user(Role.TEAM))
    first = client.get(url(world, "partnership_list"), {"stage": "active"}).content.decode()
    assert 'data-list-count="55"' in first
    assert first.count('class="govuk-table__row"') == 51  # the heading and fifty rows
    assert 'href="?stage=active&amp;page=2"' in first
    second = client.get(url(world, "partnership_list"), {"stage": "active", "page": "2"})
    assert second.content.decode().count('class="govuk-table__row"') == 6


def test_the_csv_gives_exactly_the_filtered_rows_and_neutralises_formulas(client, world):
    sneaky = services.need_create(
        actor=world.actor,
        programme=world.programme,
        innovator=world.orgs["mkf"],
        type="mentoring",
        challenge_area=world.challenges["work"],
        description='=HYPERLINK("http://evil.example")',
        recorded_on=date(2018, 1, 20),
    )
    client.force_login(world.user(Role.TEAM))
    rows = rows_of(client.get(url(world, "need_list"), {"type": "mentoring", "format": "csv"}))
    header, body = rows[0], rows[1:]
    ids = sorted(r[header.index("Id")] for r in body)
    expected = sorted(str(n.uid) for n in world.needs.values() if n.type == "mentoring") + [
        str(sneaky.uid)
    ]
    assert ids == sorted(expected)
    description = {r[header.index("Id")]: r[header.index("Description")] for r in body}
    assert description[str(sneaky.uid)] == '\'=HYPERLINK("http://evil.example")'
    # The page links to the same rows.
    page = client.get(url(world, "need_list"), {"type": "mentoring"}).content.decode()
    assert "?type=mentoring&amp;format=csv" in page
    assert f"Download these {len(expected)} rows as CSV" in page


def test_needs_filter_by_challenge_area_region_and_search(client, world):
    client.force_login(world.user(Role.TEAM))
    page = url(world, "need_list")
    fi = client.get(page, {"challenge_area": world.challenges["fi"].pk}).content.decode()
    assert 'data-list-count="2"' in fi  # Money A+E's two needs
    # Another programme's challenge area is no choice here: an error, not rows.
    bad = client.get(page, {"challenge_area": 999999}).content.decode()
    assert "govuk-form-group--error" in bad
    found = client.get(page, {"q": "construction"}).content.decode()
    assert 'data-list-count="1"' in found and "Toolshed" in found


def test_offers_sort_by_capacity(client, world):
    client.force_login(world.user(Role.TEAM))
    page = client.get(url(world, "offer_list"), {"sort": "capacity"}).content.decode()
    # Most introductions first: M&S (1) comes last.
    assert page.index("Marks &amp; Spencer") > page.index("Barclays")
    flipped = client.get(url(world, "offer_list"), {"sort": "-capacity"}).content.decode()
    assert flipped.index("Marks &amp; Spencer") < flipped.index("Barclays")
    # A sort key that is not offered falls back to the list's own order.
    assert client.get(url(world, "offer_list"), {"sort": "description"}).status_code == 200


def test_an_innovator_sees_no_more_needs_with_any_filter(client, world):
    innovator = world.user(Role.INNOVATOR, "toolshed")
    client.force_login(innovator)
    page = url(world, "need_list")
    mine = client.get(page).content.decode()
    assert 'data-list-count="2"' in mine and "Money A+E" not in mine
    # Filtering for another innovator's rows finds nothing, on the page, the CSV and the API.
    other = world.orgs["money-ae"].pk
    assert 'data-list-count="0"' in client.get(page, {"innovator": other}).content.decode()
    assert rows_of(client.get(page, {"innovator": other, "format": "csv"}))[1:] == []
    assert api_rows(world, innovator, "needs", f"innovator={other}") == []
    found = client.get(page, {"q": "debt"}).content.decode()
    assert 'data-list-count="0"' in found


def test_the_api_and_the_page_give_the_same_rows(client, world):
    for n in range(4):
        world.make.partnership(
            stage=Stage.CONFIRMED if n % 2 else Stage.ACTIVE, on=date(2018, 2, n + 1)
        )
    team = world.user(Role.TEAM)
    client.force_login(team)
    for name, path, query in [
        ("partnership_list", "partnerships", "stage=active&confirmed_on__gte=2018-02-02"),
        ("need_list", "needs", "status=open&type=mentoring"),
        ("offer_list", "offers", f"challenge_area={world.challenges['fi'].pk}"),
        ("offer_list", "offers", "q=loans"),
    ]:
        rows = rows_of(client.get(f"{url(world, name)}?{query}&format=csv"))
        page_ids = sorted(r[rows[0].index("Id")] for r in rows[1:])
        assert page_ids, query
        assert api_rows(world, team, path, query) == page_ids


def test_my_partnerships_are_those_can_view_partnership_allows(world):

    make, orgs = world.make, world.orgs
    make.partnership(innovator=orgs["toolshed"], partners=[orgs["unltd"]])
    make.partnership(innovator=orgs["mkf"], partners=[orgs["barclays"], orgs["gt"]])
    make.partnership(innovator=orgs["money-ae"], partners=[orgs["ms"]])
    for role, key in [(Role.INNOVATOR, "toolshed"), (Role.PARTNER_CONTACT, "barclays")]:
        user = world.user(role, key)
        allowed = {
            p.pk
            for p in Partnership.objects.filter(programme=world.programme)
            if can_view_partnership(user, p)
        }
        found = set(
            partnership_list(user=user, programme=world.programme).values_list("pk", flat=True)
        )
        assert found == allowed and len(found) == 1
