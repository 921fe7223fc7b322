"""The list of outcome observations on the IEP demo: each filter narrows, sorts order, pages
keep the filters, the CSV has exactly the filtered rows, the API the same rows, and an
innovator sees only its own."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from partnerbase.accounts.api_tokens import api_token_create
from partnerbase.outcomes.models import OutcomeObservation
from tests.factories.lists import csv_download, signed_in
from tests.factories.lists import listed_count as count

pytestmark = pytest.mark.django_db


@pytest.fixture
def iep(iep_for_module):
    return iep_for_module


def url(iep) -> str:
    return reverse("outcomes:observation_list", args=[iep.slug])


def page(client, iep, **query) -> str:
    answer = client.get(url(iep), query)
    assert answer.status_code == 200
    return answer.content.decode()


def csv_rows(client, iep, **query) -> list[dict]:
    return csv_download(client.get(url(iep), {**query, "format": "csv"}))


def csv_ids(client, iep, **query) -> list[str]:
    return sorted(r["Id"] for r in csv_rows(client, iep, **query))


def uids(rows) -> list[str]:
    return sorted(str(uid) for uid in rows.values_list("uid", flat=True))


def test_each_filter_narrows_and_the_csv_has_those_rows(client, iep):
    signed_in(client, "team")
    every = OutcomeObservation.objects.filter(indicator__programme=iep)
    assert count(page(client, iep)) == every.count() > 50
    verified = every.filter(quality="verified")
    assert 0 < count(page(client, iep, quality="verified")) == verified.count() < every.count()
    kind = every.order_by("pk").first().indicator.kind
    of_kind = every.filter(indicator__kind=kind)
    assert 0 < count(page(client, iep, kind=kind)) == of_kind.count() < every.count()
    organisation = every.order_by("pk").first().indicator.organisation
    theirs = every.filter(indicator__organisation=organisation)
    assert csv_ids(client, iep, organisation=organisation.pk) == uids(theirs)
    spring = every.filter(observed_on__gte="2018-01-01", observed_on__lte="2018-06-30")
    boxes = {
        **{"observed_on__gte_0": "1", "observed_on__gte_1": "1", "observed_on__gte_2": "2018"},
        **{"observed_on__lte_0": "30", "observed_on__lte_1": "6", "observed_on__lte_2": "2018"},
    }
    assert 0 < count(page(client, iep, **boxes)) == spring.count() < every.count()
    assert csv_ids(client, iep, **boxes) == uids(spring)
    found = page(client, iep, q=organisation.name)
    assert (
        count(found)
        == every.filter(indicator__organisation__name__icontains=organisation.name).count()
    )
    # The CSV names the innovator and the indicator, and the value without trailing zeros.
    row = csv_rows(client, iep, organisation=organisation.pk)[0]
    observation = theirs.get(uid=row["Id"])
    assert row["Innovator"] == organisation.name
    assert row["Indicator"] == observation.indicator.name
    assert row["Value"] == str(observation.value.normalize())


def test_sorts_order_the_rows_and_pages_keep_them(client, iep):
    signed_in(client, "team")
    every = OutcomeObservation.objects.filter(indicator__programme=iep)
    largest = every.order_by("-value", "-observed_on", "pk").first()
    body = page(client, iep, sort="value")
    assert body[body.index('data-observation="') :].startswith(f'data-observation="{largest.uid}"')
    assert 'aria-sort="descending"' in body
    assert body.count("data-observation=") == 50
    assert 'href="?sort=value&amp;page=2"' in body
    second = page(client, iep, sort="value", page="2")
    assert second.count("data-observation=") == every.count() - 50


def test_an_innovator_sees_only_its_own(client, iep):
    innovator = signed_in(client, "innovator")
    organisation = innovator.memberships.get(programme=iep).organisation
    theirs = OutcomeObservation.objects.filter(indicator__organisation=organisation)
    every = OutcomeObservation.objects.filter(indicator__programme=iep)
    assert 0 < count(page(client, iep)) == theirs.count() < every.count()
    other = every.exclude(indicator__organisation=organisation).first().indicator.organisation
    assert count(page(client, iep, organisation=other.pk)) == 0
    assert csv_ids(client, iep, q=other.name) == []


def test_the_api_gives_the_pages_rows(client, iep):
    team = signed_in(client, "team")
    token = api_token_create(actor=team, user=team, name="test")[1]
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    for query in ({"quality": "estimate", "observed_on__gte": "2018-07-01"}, {"q": "young"}):
        answer = api.get(
            f"/api/v1/programmes/{iep.slug}/outcome-observations/", {**query, "page_size": 500}
        )
        assert answer.status_code == 200, answer.content
        found = sorted(str(r["uid"]) for r in answer.json()["results"])
        assert found and found == csv_ids(client, iep, **query)


def test_roles_that_read_no_outcomes_are_refused(client, iep):
    signed_in(client, "wg")
    assert client.get(url(iep)).status_code == 403
    assert client.get(url(iep), {"format": "csv"}).status_code == 403
