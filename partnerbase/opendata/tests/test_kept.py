"""The 360Giving package is kept: built and validated once per change of the records, by a
task, not on every request; the page and the public file read what was kept."""

import json
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils.http import http_date

from partnerbase.accounts.models import Role
from partnerbase.funding.models import FundingAward
from partnerbase.funding.services import funding_award_change
from partnerbase.opendata.export import package_json, package_text
from partnerbase.opendata.kept import package_kept as kept_package
from partnerbase.opendata.kept import package_stamp
from partnerbase.opendata.schema import schema_errors
from tests.factories import Make, make_programme, make_user, roles

pytestmark = pytest.mark.django_db


def _programme(actor, slug, grants: int, **extra) -> Make:
    make = Make(actor, make_programme(actor, name=f"{slug.title()} Programme", slug=slug, **extra))
    funder = make.org("Funder", kind="funder")
    for n in range(grants):
        make.award(funder=funder, recipient=make.org(), amount="2500", on=date(2017, 5, 1 + n))
    return make


def _page(slug):
    return reverse("opendata:open_data", args=[slug])


def _count(body: str) -> str:
    return body.split("data-grant-count>")[1].split("<")[0]


@pytest.mark.parametrize("grants", [1, 12])
def test_the_page_reads_the_kept_package_in_queries_that_do_not_grow(
    client, grants, django_assert_max_num_queries
):
    make = _programme(make_user(), "alpha", grants)
    roles.sign_in(client, Role.TEAM, make.user)
    client.get(_page("alpha"))  # the first visit builds it (tasks run at once in tests)
    built = kept_package(make.programme).built_at

    with django_assert_max_num_queries(14):
        body = client.get(_page("alpha")).content.decode()

    assert _count(body) == str(grants)
    assert kept_package(make.programme).built_at == built  # read, not built again
    assert "Valid</strong> against the official 360Giving schema" in body


def test_a_change_to_a_grant_makes_the_package_stale_and_it_is_built_again(client):
    make = _programme(make_user(), "alpha", 2)
    roles.sign_in(client, Role.TEAM, make.user)
    client.get(_page("alpha"))
    stamp = kept_package(make.programme).stamp
    award = FundingAward.objects.filter(programme=make.programme).order_by("pk").first()

    funding_award_change(actor=make.user, award=award, amount=Decimal("4000"))
    body = client.get(_page("alpha")).content.decode()

    kept = kept_package(make.programme)
    assert stamp != package_stamp() == kept.stamp
    assert "£6,500" in body  # 2,500 + 4,000: the changed amount
    package = json.loads(kept.file.read())
    assert sorted(g["amountAwarded"] for g in package["grants"]) == [2500, 4000]


def test_the_kept_file_is_the_package_as_exported_and_valid(client):
    make = _programme(make_user(), "alpha", 3, figures_published=True)

    response = client.get(reverse("public_360giving", args=["alpha"]))

    body = b"".join(response.streaming_content).decode()
    assert response.status_code == 200
    assert body == package_text(package_json(make.programme))
    assert schema_errors(json.loads(body)) == []


def test_on_the_queue_the_page_asks_once_then_shows_the_written_package(client, task_worker):
    make = _programme(make_user(), "alpha", 2, figures_published=True)
    roles.sign_in(client, Role.TEAM, make.user)
    public = reverse("public_360giving", args=["alpha"])

    first = client.get(_page("alpha")).content.decode()
    again = client.get(_page("alpha")).content.decode()
    waiting = client.get(public)

    assert "data-package-writing" in first and "data-package-writing" in again
    assert waiting.status_code == 503 and waiting["Retry-After"] == "60"
    assert task_worker() == 1  # three requests, one build
    body = client.get(_page("alpha")).content.decode()
    assert _count(body) == "2" and "data-package-as-of" in body
    file = client.get(public)
    assert file.status_code == 200
    modified = file["Last-Modified"]
    assert modified == http_date(int(kept_package(make.programme).built_at.timestamp()))
    assert client.get(public, headers={"if-modified-since": modified}).status_code == 304


def test_a_stale_package_is_shown_with_when_it_was_written_while_the_new_one_is(
    client, task_worker
):
    make = _programme(make_user(), "alpha", 2, figures_published=True)
    roles.sign_in(client, Role.TEAM, make.user)
    client.get(_page("alpha"))
    task_worker()
    make.award(funder=make.org(), recipient=make.org(), amount="100", on=date(2017, 7, 1))

    body = client.get(_page("alpha")).content.decode()
    old = client.get(reverse("public_360giving", args=["alpha"]))

    assert _count(body) == "2"  # the package as written, said so
    assert "The records have changed since: a new file is being written" in body
    assert len(json.loads(b"".join(old.streaming_content))["grants"]) == 2
    assert task_worker() == 1
    assert _count(client.get(_page("alpha")).content.decode()) == "3"
