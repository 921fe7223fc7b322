"""The progress report page shows the report as kept (reports/report/kept.py): built once per
change of the records, per period and reader's links, not on every request."""

from datetime import date

import pytest
from django.urls import reverse

from partnerbase.accounts.models import Role
from partnerbase.jobs.models import KeptOutput
from tests.factories import Make, make_programme, make_user

pytestmark = pytest.mark.django_db


def _alpha(organisations: int) -> Make:
    actor = make_user()
    make = Make(actor, make_programme(actor, name="Alpha", slug="alpha"))
    funder = make.org("Funder", kind="funder")
    for n in range(organisations):
        make.engagement(make.org(f"Partner {n}"), date(2017, 6, 1 + n))
    make.award(funder=funder, recipient=make.org("Toolshed"), amount="2500", on=date(2017, 7, 1))
    return make


def _page(client) -> str:
    return client.get(reverse("reports:report", args=["alpha"])).content.decode()


@pytest.mark.parametrize("organisations", [1, 15])
def test_the_page_reads_the_kept_report_in_queries_that_do_not_grow(
    client, organisations, django_assert_max_num_queries
):
    make = _alpha(organisations)
    client.force_login(make.user(Role.TEAM))
    first = _page(client)  # built at once in tests (the task runs inline)
    kept = KeptOutput.objects.get(programme=make.programme)

    with django_assert_max_num_queries(20):
        again = _page(client)

    report = again.index('class="pb-report-contents"')  # past the form's fresh CSRF token
    assert again[report:] == first[report:] and "Toolshed" in again
    assert KeptOutput.objects.get(pk=kept.pk).built_at == kept.built_at  # read, not rebuilt


def test_a_change_to_the_records_builds_it_again(client):
    make = _alpha(2)
    client.force_login(make.user(Role.TEAM))
    assert "Money A+E" not in _page(client)

    make.award(
        funder=make.org(), recipient=make.org("Money A+E"), amount="900", on=date(2017, 8, 1)
    )

    assert "Money A+E" in _page(client)


def test_readers_who_may_open_different_records_get_their_own_kept_report(client):
    make = _alpha(2)
    client.force_login(make.user(Role.TEAM))
    _page(client)
    client.force_login(make.user(Role.CHAMPION))
    _page(client)

    names = sorted(KeptOutput.objects.values_list("name", flat=True))

    assert len(names) == 2 and names[0] != names[1]


def test_on_the_queue_the_page_says_it_is_being_built_then_shows_it(client, task_worker):
    make = _alpha(2)
    client.force_login(make.user(Role.TEAM))

    first, again = _page(client), _page(client)

    assert "data-report-building" in first and "data-report-building" in again
    assert task_worker() == 1  # two requests, one build
    shown = _page(client)
    assert "Toolshed" in shown and "Made by Partnerbase on" in shown
    make.award(funder=make.org(), recipient=make.org("Bounce"), amount="9", on=date(2017, 9, 1))
    stale = _page(client)
    assert "data-report-stale" in stale and "Toolshed" in stale and "Bounce" not in stale
