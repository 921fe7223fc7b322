"""Kept headline figures (impact/kept.py): read, kept, marked stale, refreshed, verified."""

import io
from dataclasses import replace
from datetime import date

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.urls import reverse

from partnerbase.accounts.models import Role
from partnerbase.core.history import record_delete
from partnerbase.core.period import Period, programme_period
from partnerbase.impact import kept as k
from partnerbase.impact.figures import headline_figures
from partnerbase.impact.models import Figure, FiguresVersion, KeptFigureSet
from partnerbase.programmes.deletion import programme_delete
from partnerbase.programmes.services import programme_publish
from tests.factories import JOINED

from .conftest import YEAR

# Real commits: a change marks the kept figures stale as its transaction commits, and only
# then may anyone keep figures computed from it.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def busy(make, funded):
    """A programme with something in every figure, a target and a display currency."""
    make.rate("GBP", "USD", date(2016, 12, 1), "1.3167")
    make.award(funder=funded["funder"], recipient=funded["innovator"], amount="2500", on=JOINED)
    make.partnership(on=date(2017, 7, 1), innovator=funded["innovator"], value="1200")
    make.project(launch_date=date(2017, 3, 1), coalition=[(funded["funder"], "funder", None)])
    make.engagement(funded["bystander"], date(2017, 2, 1))
    make.target(Figure.ADDITIONAL_FUNDING, "1000")
    return funded


def live(programme, period=YEAR):
    return headline_figures(programme, period)


def same(a, b) -> bool:
    """Equal figure sets, whenever each was computed."""
    return replace(a, as_of=None) == replace(b, as_of=None)


def test_the_json_gives_back_the_figure_set_exactly(programme, busy):
    figures = live(programme)
    assert figures.display_rates and figures.figures[Figure.ADDITIONAL_FUNDING].target

    back = k.figure_set_from_json(programme, YEAR, k.figure_set_json(figures))

    assert back == figures
    assert back.figures[Figure.ADDITIONAL_FUNDING].display == "£2,500 ($3,292)"


def test_the_first_read_computes_and_keeps_and_the_next_reads_what_is_kept(
    programme, busy, django_assert_max_num_queries
):
    first = k.kept_figures(programme, YEAR)

    kept = KeptFigureSet.objects.get(programme=programme, starts_on=YEAR.start)
    assert same(first, live(programme)) and first.as_of == kept.computed_at
    with django_assert_max_num_queries(1):
        again = k.kept_figures(programme, YEAR)
    assert again.as_of == kept.computed_at and same(again, first)


def test_a_change_in_this_transaction_is_counted_at_once_and_not_kept(programme, make, busy):
    k.kept_figures(programme, YEAR)
    kept = KeptFigureSet.objects.get(programme=programme)

    with transaction.atomic():
        make.engagement(make.org("Newcomer"), date(2017, 9, 1))
        fresh = k.kept_figures(programme, YEAR)
        assert fresh.as_of is None  # live: this transaction's change is no one else's yet
        assert fresh.figures[Figure.ORGANISATIONS_ENGAGED].value == (
            live(programme).figures[Figure.ORGANISATIONS_ENGAGED].value
        )
        kept.refresh_from_db()
        assert kept.version < FiguresVersion.objects.get(programme=programme).number


def test_a_change_rolled_back_leaves_the_kept_figures_fresh(programme, make, busy):
    k.kept_figures(programme, YEAR)
    number = FiguresVersion.objects.get(programme=programme).number

    with transaction.atomic():
        with pytest.raises(RuntimeError), transaction.atomic():
            make.engagement(make.org("Never"), date(2017, 9, 1))
            raise RuntimeError("the form failed")

        assert FiguresVersion.objects.get(programme=programme).number == number
        assert k.kept_figures(programme, YEAR).as_of is not None
        # The mark went with the savepoint: the next change marks them stale again.
        make.engagement(busy["bystander"], date(2017, 10, 1))
        assert FiguresVersion.objects.get(programme=programme).number == number + 1
        assert k.kept_figures(programme, YEAR).as_of is None


def test_refresh_recomputes_every_stale_set_and_leaves_the_fresh_ones(programme, make, busy):
    other = Period(date(2017, 6, 1), date(2017, 6, 30))
    for period in (YEAR, other):
        k.kept_figures(programme, period)
    assert k.refresh(programme.pk) == 0
    k.mark_stale(programme.pk)
    assert k.refresh(programme.pk) == 2

    # A committed change: marked stale, and refreshed once it commits.
    make.award(
        funder=busy["funder"], recipient=busy["innovator"], amount="100", on=date(2017, 6, 2)
    )

    assert k.refresh(programme.pk) == 0  # done already
    number = FiguresVersion.objects.get(programme=programme).number
    for period in (YEAR, other):
        kept = KeptFigureSet.objects.get(programme=programme, starts_on=period.start)
        assert kept.version == number
        stored = k.figure_set_from_json(programme, period, kept.figures)
        assert same(stored, live(programme, period))
    assert stored.figures[Figure.ADDITIONAL_FUNDING].display == "£2,600 ($3,423)"


def test_a_computation_that_raced_a_change_is_kept_as_stale(programme, make, busy):
    before = FiguresVersion.objects.get(programme=programme).number
    figures = live(programme)  # computed from the records as they were
    k.mark_stale(programme.pk)  # a change committed meanwhile

    k._store(programme, YEAR, figures, before)

    assert KeptFigureSet.objects.get(programme=programme).version < before + 1
    assert k.fresh_sets(programme).count() == 0


def test_only_a_few_asked_periods_are_kept_besides_the_whole_programme(programme, busy):
    whole = programme_period(programme)
    k.kept_figures(programme, whole)
    for month in range(1, 13):
        k.kept_figures(programme, Period(date(2017, month, 1), date(2017, month, 28)))

    kept = KeptFigureSet.objects.filter(programme=programme)
    assert kept.count() == k.OTHER_PERIODS_KEPT + 1
    assert kept.filter(starts_on=whole.start, ends_on=whole.end).exists()
    assert not kept.filter(ends_on=date(2017, 1, 28)).exists()  # the oldest asked went


def test_the_dashboard_and_the_public_page_say_when_the_figures_were_computed(
    client, make, programme, busy
):
    programme_publish(actor=make.actor, programme=programme, published=True)
    client.force_login(make.user(Role.TEAM))

    dashboard = client.get(reverse("reports:dashboard", args=[programme.slug])).content.decode()
    public = client.get(reverse("public_figures", args=[programme.slug])).content.decode()
    data = client.get(reverse("public_figures_json", args=[programme.slug])).json()

    kept = KeptFigureSet.objects.get(programme=programme)
    assert "Figures as of " in dashboard and "Figures as of " in public
    assert data["figures"][0]["as_of"] == kept.computed_at.isoformat()


def verify(*args) -> tuple[int, str]:
    out = io.StringIO()
    try:
        call_command("figures", "verify", *args, stdout=out)
    except CommandError as exc:
        return exc.returncode, out.getvalue() + str(exc)
    return 0, out.getvalue()


def test_verify_passes_on_kept_figures_and_names_each_difference(programme, make, busy):
    k.kept_figures(programme, YEAR)
    assert verify("--programme", programme.slug) == (
        0,
        "OK: 1 kept figure sets match the live figures.\n",
    )

    # Kept figures gone wrong: a change that bypassed every hook.
    kept = KeptFigureSet.objects.get(programme=programme)
    kept.figures["figures"][Figure.NEW_PROJECTS]["value"] = 7
    kept.save()
    code, out = verify()

    assert code == 1
    assert "new_projects value: kept 7, live 1" in out
    assert "1 of 1 kept figure sets differ" in out


def test_verify_skips_stale_sets_and_refuses_an_unknown_programme(programme, make, busy):
    k.kept_figures(programme, YEAR)
    k.mark_stale(programme.pk)
    assert verify() == (
        0,
        "OK: 0 kept figure sets match the live figures (1 stale, recomputed when next read).\n",
    )
    with pytest.raises(CommandError) as refused:
        call_command("figures", "verify", "--programme", "nope")
    assert refused.value.returncode == 2


def test_deleting_a_programme_takes_its_kept_figures(programme, make, busy):
    k.kept_figures(programme, YEAR)
    record_delete(busy["withdrawn"].cohort_memberships.get(), actor=make.actor)
    programme_delete(actor=make.actor, programme=programme)

    assert not KeptFigureSet.objects.exists() and not FiguresVersion.objects.exists()


def test_a_change_queues_the_refresh_and_the_worker_makes_the_kept_figures_fresh(
    programme, make, busy, task_worker
):
    from django_tasks_db.models import DBTaskResult

    k.kept_figures(programme, YEAR)
    before = DBTaskResult.objects.count()

    # The writer's request only queues the refresh: the kept set is stale until it runs.
    make.engagement(make.org("Newly engaged"), date(2017, 9, 1))
    assert DBTaskResult.objects.count() > before
    kept = KeptFigureSet.objects.get(programme=programme, starts_on=YEAR.start)
    assert kept.version < FiguresVersion.objects.get(programme=programme).number

    assert task_worker() >= 1
    kept.refresh_from_db()
    assert kept.version == FiguresVersion.objects.get(programme=programme).number
    stored = k.figure_set_from_json(programme, YEAR, kept.figures)
    assert same(stored, live(programme))


# --- what is kept with the figures (reports/apps.py: the public page's charts and the
# dashboard's conversion line) ----------------------------------------------------------


def also_live(programme, period) -> dict:
    figures = headline_figures(programme, period)
    return {name: k._computed(name, programme, period, figures) for name in k.ALSO_KEPT}


def test_the_charts_and_the_conversion_are_kept_with_the_figures_and_refreshed_with_them(
    client, make, programme, busy, django_assert_max_num_queries
):
    programme_publish(actor=make.actor, programme=programme, published=True)
    whole = programme_period(programme)
    client.force_login(make.user(Role.TEAM))
    public = reverse("public_figures", args=[programme.slug])
    dashboard = reverse("reports:dashboard", args=[programme.slug])
    client.get(public)
    client.get(dashboard)
    kept = KeptFigureSet.objects.get(programme=programme, starts_on=whole.start)
    assert set(kept.figures["also"]) == {"public_charts", "conversion"}
    assert kept.figures["also"] == also_live(programme, whole)
    assert kept.figures["also"]["conversion"] == {"introductions": 1, "confirmed": 1}

    # Read back, not drawn again: a few queries, none that grows with the programme.
    with django_assert_max_num_queries(10):
        page = client.get(public).content.decode()
    assert 'id="chart-figure-organisations-engaged"' in page
    assert "with the figures." in page  # the charts' "as of"
    csv = client.get(reverse("public_chart_csv", args=[programme.slug, "figure-new-projects"]))
    assert csv.status_code == 200 and b"2017-03,1,1" in csv.content

    # A change commits: the refresh recomputes the figures and what is kept with them.
    make.engagement(make.org("Newly engaged"), date(2017, 9, 1))
    make.partnership(on=date(2017, 10, 1), innovator=busy["innovator"], value="100")
    kept.refresh_from_db()
    assert kept.version == FiguresVersion.objects.get(programme=programme).number
    assert kept.figures["also"] == also_live(programme, whole)
    assert kept.figures["also"]["conversion"] == {"introductions": 2, "confirmed": 2}
    assert "2 introductions → 2 confirmed" in client.get(dashboard).content.decode()


def test_a_set_kept_without_them_computes_them_on_demand_and_live_figures_keep_nothing(
    programme, make, busy
):
    figures = k.kept_figures(programme, YEAR)
    assert "also" not in KeptFigureSet.objects.get(programme=programme).figures
    k.refresh(programme.pk)
    assert "also" not in KeptFigureSet.objects.get(programme=programme).figures  # asked for none

    conversion = k.kept_also(figures, "conversion")
    assert KeptFigureSet.objects.get(programme=programme).figures["also"] == {
        "conversion": conversion
    }
    with transaction.atomic():
        make.engagement(make.org("In this transaction"), date(2017, 9, 1))
        inside = k.kept_figures(programme, YEAR)
        assert inside.as_of is None
        assert k.kept_also(inside, "conversion") == conversion
    # Kept only with the figures it was computed from: the set made inside was not kept.
    assert KeptFigureSet.objects.get(programme=programme).figures["also"] == {
        "conversion": conversion
    }


def test_verify_names_a_difference_in_what_is_kept_with_the_figures(programme, make, busy):
    figures = k.kept_figures(programme, programme_period(programme))
    k.kept_also(figures, "conversion")
    k.kept_also(figures, "public_charts")
    assert verify()[0] == 0

    kept = KeptFigureSet.objects.get(programme=programme)
    kept.figures["also"]["conversion"]["confirmed"] = 99
    kept.figures["also"]["public_charts"][0]["summary"] = "Tampered"
    kept.save()
    code, out = verify()

    assert code == 1
    assert "conversion confirmed: kept 99, live 1" in out
    assert "public_charts[0] summary: kept 'Tampered', live 'Organisations engaged: " in out
