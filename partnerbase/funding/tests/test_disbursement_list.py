"""The list of disbursements on the IEP demo: each filter narrows, sorts order, pages keep
the filters, the CSV has exactly the filtered rows, the API the same rows, and who sees it."""

import csv
import io
from datetime import date

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from partnerbase.accounts.api_tokens import api_token_create
from partnerbase.funding import list_views
from partnerbase.funding.models import Disbursement
from partnerbase.funding.queries import disbursement_list
from tests.factories.lists import listed_count as count
from tests.factories.lists import signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def iep(iep_for_module):
    return iep_for_module


def page(client, iep, **query) -> str:
    answer = client.get(reverse("funding:disbursement_list", args=[iep.slug]), query)
    assert answer.status_code == 200
    return answer.content.decode()


def csv_ids(client, iep, **query) -> list[str]:
    answer = client.get(
        reverse("funding:disbursement_list", args=[iep.slug]), {**query, "format": "csv"}
    )
    assert answer["Content-Type"] == "text/csv"
    rows = list(csv.DictReader(io.StringIO(b"".join(answer.streaming_content).decode())))
    return sorted(r["Id"] for r in rows)


def uids(rows) -> list[str]:
    return sorted(str(uid) for uid in rows.values_list("uid", flat=True))


def test_each_filter_narrows_and_the_csv_has_those_rows(client, iep):
    signed_in(client, "team")
    every = Disbursement.objects.filter(award__programme=iep)
    assert count(page(client, iep)) == every.count() > 50
    planned = every.filter(kind="planned")
    assert count(page(client, iep, kind="planned")) == planned.count() < every.count()
    # The dates as GOV.UK's boxes; the same as one ISO date.
    spring = every.filter(on__gte=date(2018, 4, 1))
    boxes = {"on__gte_0": "1", "on__gte_1": "4", "on__gte_2": "2018"}
    assert 0 < count(page(client, iep, **boxes)) == spring.count() < every.count()
    assert (
        csv_ids(client, iep, **boxes) == uids(spring) == csv_ids(client, iep, on__gte="2018-04-01")
    )
    instrument = every.order_by("pk").first().award.instrument
    of_instrument = every.filter(award__instrument=instrument)
    assert 0 < count(page(client, iep, instrument=instrument)) == of_instrument.count()
    assert (
        count(page(client, iep, instrument="equity"))
        == every.filter(award__instrument="equity").count()
    )
    recipient = every.order_by("pk").first().award.recipient
    found = page(client, iep, q=recipient.name)
    assert count(found) == every.filter(award__recipient__name__icontains=recipient.name).count()
    assert csv_ids(client, iep, kind="planned", instrument=instrument) == uids(
        planned.filter(award__instrument=instrument)
    )


def test_sorts_order_the_rows_and_say_so(client, iep):
    signed_in(client, "team")
    every = Disbursement.objects.filter(award__programme=iep)
    # Largest first, then newest; the key breaks ties.
    biggest = every.order_by("-amount_minor", "-on", "pk").first()
    body = page(client, iep, sort="amount")
    first_row = body.index('data-disbursement="')
    assert body[first_row:].startswith(f'data-disbursement="{biggest.uid}"')
    assert 'aria-sort="descending"' in body
    oldest = every.order_by("on", "-pk").first()
    body = page(client, iep, sort="-date")
    assert body[body.index('data-disbursement="') :].startswith(f'data-disbursement="{oldest.uid}"')


def test_pages_keep_the_filters(client, iep):
    signed_in(client, "team")
    total = Disbursement.objects.filter(award__programme=iep).count()
    first = page(client, iep, sort="award")
    assert first.count("data-disbursement=") == 50
    assert 'href="?sort=award&amp;page=2"' in first
    second = page(client, iep, sort="award", page="2")
    assert second.count("data-disbursement=") == total - 50


def test_a_long_list_counts_only_up_to_its_cap_and_says_more_than(
    client, iep, monkeypatch, django_assert_max_num_queries
):
    """A million rows are not counted (count_cap): as if the demo's were that many."""
    monkeypatch.setattr(list_views, "COUNT_CAP", 60)
    signed_in(client, "team")
    total = Disbursement.objects.filter(award__programme=iep).count()
    assert total > 60

    with django_assert_max_num_queries(20):
        body = page(client, iep)

    assert count(body) == 60 and "More than 60 disbursements" in body
    assert "data-list-count-capped" in body and "these 60 rows" not in body
    assert 'href="?page=2"' in body and 'href="?page=3"' not in body  # 60 rows: two pages
    assert len(csv_ids(client, iep)) == total  # the download is every row
    narrow = page(client, iep, kind="planned", on__gte="2018-06-01")
    planned = Disbursement.objects.filter(award__programme=iep, kind="planned")
    assert count(narrow) == planned.filter(on__gte=date(2018, 6, 1)).count() <= 60
    assert "More than" not in narrow


def test_a_bad_date_is_an_error_at_the_boxes_not_an_error_page(client, iep):
    signed_in(client, "team")
    body = page(client, iep, on__lte_0="30", on__lte_1="2", on__lte_2="2018")
    assert "Paid to must be a real date" in body and "govuk-input--error" in body
    assert 'value="30"' in body  # what was typed stays


def test_an_innovator_sees_only_their_own_awards_disbursements(client, iep):
    innovator = signed_in(client, "innovator")
    theirs = disbursement_list(user=innovator, programme=iep)
    every = Disbursement.objects.filter(award__programme=iep)
    assert count(page(client, iep)) == theirs.count() < every.count()
    # Asking for another award's rows finds none.
    other = every.exclude(pk__in=theirs.values("pk")).first().award
    assert count(page(client, iep, award=other.pk)) == 0
    assert csv_ids(client, iep, award=other.pk) == []


def test_the_api_gives_the_pages_rows(client, iep):
    team = signed_in(client, "team")
    token = api_token_create(actor=team, user=team, name="test")[1]
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    recipient = Disbursement.objects.filter(award__programme=iep).first().award.recipient
    for query in ({"kind": "actual", "on__gte": "2018-03-01"}, {"q": recipient.name}):
        answer = api.get(
            f"/api/v1/programmes/{iep.slug}/disbursements/", {**query, "page_size": 500}
        )
        assert answer.status_code == 200, answer.content
        found = sorted(str(r["uid"]) for r in answer.json()["results"])
        assert found and found == csv_ids(client, iep, **query)


def test_roles_without_the_ledger_are_refused(client, iep):
    signed_in(client, "wg")
    url = reverse("funding:disbursement_list", args=[iep.slug])
    assert client.get(url).status_code == 403
    assert client.get(url, {"format": "csv"}).status_code == 403
