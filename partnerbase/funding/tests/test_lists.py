"""The funding ledger as a long list: filters, sort and pages, totals of the filtered awards,
the CSV of exactly those awards, the API's same rows, and an innovator seeing no more."""

import csv
import io
from datetime import date

import pytest
from rest_framework.test import APIClient

from partnerbase.accounts.api_tokens import api_token_create
from partnerbase.accounts.models import Role

from .test_views import build_world, sign_in, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    return build_world()


def csv_rows(response) -> list[dict]:
    assert response["Content-Type"] == "text/csv"
    body = b"".join(response.streaming_content).decode()
    return list(csv.DictReader(io.StringIO(body)))


def test_the_ledger_filters_sorts_and_totals_the_filtered_awards(client, world):
    for n in range(3):
        world.award(
            funder=world.other_funder, recipient=world.other, amount="10", on=date(2017, 3, n + 1)
        )
    sign_in(client, world, Role.TEAM)
    page = client.get(url("ledger", world), {"instrument": "social_loan"}).content.decode()
    assert 'data-list-count="1"' in page and "Toolshed loan" in page and "Applied grant" not in page
    # The totals are those of the filtered awards: the loan alone.
    assert 'id="total-cash">£80,500 ($100,625)<' in page
    grants = client.get(
        url("ledger", world),
        {"instrument": "grant", "award_date__lte": "2017-12-31", "sort": "-date"},
    ).content.decode()
    assert 'data-list-count="3"' in grants and 'id="total-cash">£30 ($38)<' in grants
    assert 'aria-sort="ascending"' in grants  # oldest first
    # Sorted by amount, largest first: the loan before the grant.
    by_amount = client.get(url("ledger", world), {"sort": "amount"}).content.decode()
    assert by_amount.index("Toolshed loan") < by_amount.index("Applied grant")
    found = client.get(url("ledger", world), {"q": "lanyard"}).content.decode()
    assert 'data-list-count="4"' in found  # the grants from the Lanyard Trust


def test_the_ledger_pages_keep_the_filters(client, world):
    for n in range(60):
        world.award(
            funder=world.other_funder,
            recipient=world.other,
            amount="1",
            on=date(2018, 1, 1 + n % 28),
        )
    sign_in(client, world, Role.TEAM)
    first = client.get(url("ledger", world), {"instrument": "grant"}).content.decode()
    assert 'data-list-count="61"' in first
    assert first.count('data-award="') == 50
    assert 'href="?instrument=grant&amp;page=2"' in first
    # The totals cover every filtered award, not just the page's.
    assert 'id="total-cash">£25,060 ($31,325)<' in first
    second = client.get(url("ledger", world), {"instrument": "grant", "page": 2}).content.decode()
    assert second.count('data-award="') == 11


def test_the_csv_gives_the_filtered_awards_with_formulas_neutralised(client, world):
    world.grant.title = "=1+2"
    world.grant.save()
    sign_in(client, world, Role.TEAM)
    rows = csv_rows(client.get(url("ledger", world), {"instrument": "grant", "format": "csv"}))
    assert [r["Id"] for r in rows] == [str(world.grant.uid)]
    assert rows[0]["Award"] == "'=1+2" and rows[0]["Amount"] == "25000.00"
    everything = csv_rows(client.get(url("ledger", world), {"format": "csv"}))
    assert {r["Id"] for r in everything} == {str(world.grant.uid), str(world.loan.uid)}


def test_an_innovator_sees_only_its_own_awards_whatever_the_filter(client, world):
    user = sign_in(client, world, Role.INNOVATOR)
    page = client.get(url("ledger", world), {"recipient": world.other.pk}).content.decode()
    assert 'data-list-count="0"' in page and "Applied grant" not in page
    rows = csv_rows(client.get(url("ledger", world), {"format": "csv", "q": "applied"}))
    assert rows == []
    mine = csv_rows(client.get(url("ledger", world), {"format": "csv"}))
    assert [r["Id"] for r in mine] == [str(world.loan.uid)]
    token = api_token_create(actor=user, user=user, name="test")[1]
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    answer = api.get(f"/api/v1/programmes/{world.programme.slug}/funding-awards/", {"q": "applied"})
    assert answer.json()["results"] == []


def test_the_api_and_the_page_give_the_same_awards(client, world):
    for n in range(4):
        world.award(
            funder=world.unltd,
            recipient=world.toolshed,
            amount="5",
            on=date(2018, 2, n + 1),
            confirmed=bool(n % 2),
        )
    user = sign_in(client, world, Role.TEAM)
    token = api_token_create(actor=user, user=user, name="test")[1]
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    for query in [
        {"confirmed": "false"},
        {"instrument": "grant", "award_date__gte": "2018-02-02"},
        {"q": "toolshed", "confirmed": "true"},
    ]:
        page = {
            r["Id"] for r in csv_rows(client.get(url("ledger", world), {**query, "format": "csv"}))
        }
        answer = api.get(f"/api/v1/programmes/{world.programme.slug}/funding-awards/", query)
        assert answer.status_code == 200, answer.content
        assert page and {str(r["uid"]) for r in answer.json()["results"]} == page, query
