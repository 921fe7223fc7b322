"""The list of ideas on the IEP demo: each filter narrows, sorts order, the CSV has exactly
the filtered rows, the API the same rows, and a member sees only their own groups' ideas."""

import csv
import io

import pytest
from django.urls import reverse
from django.utils.html import escape
from rest_framework.test import APIClient

from partnerbase.accounts.api_tokens import api_token_create
from partnerbase.workinggroups.models import Idea, WorkingGroup
from partnerbase.workinggroups.queries import idea_list
from tests.factories.lists import listed_count as count
from tests.factories.lists import signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def iep(iep_for_module):
    return iep_for_module


def url(iep) -> str:
    return reverse("workinggroups:idea_list", args=[iep.slug])


def page(client, iep, **query) -> str:
    answer = client.get(url(iep), query)
    assert answer.status_code == 200
    return answer.content.decode()


def csv_ids(client, iep, **query) -> list[str]:
    answer = client.get(url(iep), {**query, "format": "csv"})
    assert answer["Content-Type"] == "text/csv"
    rows = list(csv.DictReader(io.StringIO(b"".join(answer.streaming_content).decode())))
    return sorted(r["Id"] for r in rows)


def uids(rows) -> list[str]:
    return sorted(str(uid) for uid in rows.values_list("uid", flat=True))


def test_each_filter_narrows_and_the_csv_has_those_rows(client, iep):
    signed_in(client, "team")
    every = Idea.objects.filter(working_group__programme=iep)
    assert count(page(client, iep)) == every.count()
    became = every.filter(status="became_project")
    assert 0 < count(page(client, iep, status="became_project")) == became.count() < every.count()
    group = WorkingGroup.objects.filter(programme=iep).order_by("name").first()
    in_group = every.filter(working_group=group)
    assert 0 < count(page(client, iep, working_group=group.pk)) == in_group.count()
    assert csv_ids(client, iep, working_group=group.pk, status="parked") == uids(
        in_group.filter(status="parked")
    )
    since = every.filter(proposed_on__gte="2018-02-01")
    boxes = {"proposed_on__gte_0": "1", "proposed_on__gte_1": "2", "proposed_on__gte_2": "2018"}
    assert csv_ids(client, iep, **boxes) == uids(since) and 0 < since.count() < every.count()
    one = every.order_by("pk").first()
    word = one.title.split()[0]
    assert (
        count(page(client, iep, q=word))
        == (
            every.filter(title__icontains=word)
            | every.filter(description__icontains=word)
            | every.filter(proposed_by__person__name__icontains=word)
        )
        .distinct()
        .count()
    )


def test_sorts_order_the_rows(client, iep):
    signed_in(client, "team")
    ideas = Idea.objects.filter(working_group__programme=iep)
    titles = [escape(t) for t in sorted(ideas.values_list("title", flat=True))]
    body = page(client, iep, sort="title")
    first, last = body.index(titles[0]), body.index(titles[-1])
    assert first < last and 'aria-sort="ascending"' in body
    flipped = page(client, iep, sort="-title")
    assert flipped.index(titles[-1]) < flipped.index(titles[0])


def test_a_member_sees_only_their_groups_ideas(client, iep):
    member = signed_in(client, "wg")
    theirs = idea_list(user=member, programme=iep)
    every = Idea.objects.filter(working_group__programme=iep)
    assert 0 < count(page(client, iep)) == theirs.count() < every.count()
    # Another group is no choice: an error at the filter, never its ideas.
    other = (
        WorkingGroup.objects.filter(programme=iep)
        .exclude(pk__in=theirs.values("working_group"))
        .first()
    )
    body = page(client, iep, working_group=other.pk)
    assert "govuk-form-group--error" in body and count(body) == theirs.count()
    assert set(csv_ids(client, iep, working_group=other.pk)) <= set(uids(theirs))


def test_the_api_gives_the_pages_rows(client, iep):
    team = signed_in(client, "team")
    token = api_token_create(actor=team, user=team, name="test")[1]
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    for query in ({"status": "shortlisted"}, {"proposed_on__lte": "2018-01-31"}):
        answer = api.get(f"/api/v1/programmes/{iep.slug}/ideas/", query)
        assert answer.status_code == 200, answer.content
        found = sorted(str(r["uid"]) for r in answer.json()["results"])
        assert found and found == csv_ids(client, iep, **query)


def test_roles_outside_the_working_groups_are_refused(client, iep):
    signed_in(client, "innovator")
    assert client.get(url(iep)).status_code == 403
    assert client.get(url(iep), {"format": "csv"}).status_code == 403
