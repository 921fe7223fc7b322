"""Property: whatever writes the services make, and in whatever order, the kept figures a
reader is given (and what is kept with them: the conversion line, the public page's
charts) equal the figures computed live, for several periods.

Each write commits (a transactional test), so it marks the kept figures stale and
schedule_refresh recomputes them after the commit; the reads then come from what is kept
(their `as_of` is the kept set's), not from a recomputation.
"""

from dataclasses import replace
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partnerbase.accelerator.services import cohort_member_withdraw
from partnerbase.brokering.services import partnership_move
from partnerbase.brokering.stages import Stage
from partnerbase.core.errors import DomainError
from partnerbase.core.history import record_delete
from partnerbase.core.period import Period, programme_period
from partnerbase.directory.models import Engagement
from partnerbase.directory.services import convener_set
from partnerbase.funding.models import FundingAward
from partnerbase.funding.services import funding_award_change
from partnerbase.impact import kept as k
from partnerbase.impact.figures import headline_figures
from partnerbase.impact.models import Figure, KeptFigureSet
from partnerbase.programmes.models import Programme
from partnerbase.programmes.services import programme_update
from tests.factories import Make, make_programme, make_user

from .test_periods_add_up import AMOUNTS, CURRENCIES, DAYS, START, days

pytestmark = pytest.mark.django_db(transaction=True)


def _engagement(data, make, w):
    make.engagement(data.draw(st.sampled_from(w["orgs"])), data.draw(days()))


def _award(data, make, w):
    make.award(
        funder=data.draw(st.sampled_from(w["funders"])),
        recipient=data.draw(st.sampled_from(w["orgs"])),
        amount=data.draw(AMOUNTS),
        currency=data.draw(CURRENCIES),
        on=data.draw(days()),
        confirmed=data.draw(st.booleans()),
    )


def _award_change(data, make, w):
    awards = list(FundingAward.objects.filter(programme=make.programme).order_by("pk"))
    if awards:
        funding_award_change(
            actor=make.actor,
            award=data.draw(st.sampled_from(awards)),
            amount=data.draw(AMOUNTS),
            award_date=data.draw(days()),
        )


def _rate(data, make, w):
    pair = data.draw(st.sampled_from([("GBP", "USD"), ("USD", "GBP"), ("GBP", "EUR")]))
    make.rate(*pair, data.draw(days(-90)), data.draw(st.sampled_from(["1.2711", "0.7", "1.5"])))


def _partnership(data, make, w):
    w["partnerships"].append(
        make.partnership(
            stage=data.draw(st.sampled_from([Stage.CONFIRMED, Stage.ACTIVE, Stage.IN_DISCUSSION])),
            on=data.draw(days()),
            innovator=data.draw(st.sampled_from(w["orgs"])),
            value=data.draw(st.none() | AMOUNTS),
            currency=data.draw(CURRENCIES),
        )
    )


def _stage(data, make, w):
    if w["partnerships"]:
        partnership = data.draw(st.sampled_from(w["partnerships"]))
        partnership.refresh_from_db()
        partnership_move(
            actor=make.actor,
            partnership=partnership,
            stage=data.draw(st.sampled_from([Stage.ACTIVE, Stage.COMPLETED, Stage.LAPSED])),
            on=data.draw(days()),
        )


def _target(data, make, w):
    figure = data.draw(st.sampled_from(Figure.values))
    make.target(figure, str(data.draw(st.integers(1, 200_000))))


def _delete(data, make, w):
    rows = list(Engagement.objects.filter(programme=make.programme).order_by("pk"))
    rows += FundingAward.objects.filter(programme=make.programme).order_by("pk")
    if rows:
        record_delete(data.draw(st.sampled_from(rows)), actor=make.actor)


def _project(data, make, w):
    make.project(
        status=data.draw(st.sampled_from(["launched", "active", "cancelled"])),
        launch_date=data.draw(days()),
        coalition=[(data.draw(st.sampled_from(w["orgs"])), "delivery", None)],
    )


def _cohort_place(data, make, w):
    make.member(w["cohort"], make.org(), data.draw(days()))


def _withdraw(data, make, w):
    places = list(w["cohort"].memberships.filter(withdrawn_on=None).order_by("pk"))
    if places:
        place = data.draw(st.sampled_from(places))
        cohort_member_withdraw(
            actor=make.actor, membership=place, on=place.joined_on + timedelta(days=30)
        )


def _convener(data, make, w):
    organisation = data.draw(st.sampled_from(w["orgs"] + w["funders"]))
    organisation.refresh_from_db()
    convener_set(actor=make.actor, organisation=organisation, convenes=data.draw(st.booleans()))


def _settings(data, make, w):
    programme = Programme.objects.get(pk=make.programme.pk)
    programme_update(
        actor=make.actor,
        programme=programme,
        report_date=data.draw(days(0, DAYS)),
        display_currencies=data.draw(st.sampled_from(["USD", "USD,EUR", ""])),
    )


WRITES = [
    _engagement,
    _award,
    _award_change,
    _rate,
    _partnership,
    _stage,
    _target,
    _delete,
    _project,
    _cohort_place,
    _withdraw,
    _convener,
    _settings,
]


def world(make) -> dict:
    make.rate("GBP", "USD", START - timedelta(days=200), "1.3167")
    make.rate("EUR", "GBP", START - timedelta(days=200), "0.8843")
    cohort = make.cohort(START + timedelta(days=60))
    orgs = [make.innovator(cohort, START + timedelta(days=60)) for _ in range(2)] + [make.org()]
    return {
        "cohort": cohort,
        "orgs": orgs,
        "funders": [make.org(kind="funder"), make.convener()],
        "partnerships": [],
    }


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_kept_figures_equal_live_figures_after_any_writes(transactional_db, data):
    actor = make_user()
    make = Make(actor, make_programme(actor, display_currencies="USD"))
    w = world(make)
    asked = data.draw(days(0, DAYS - 40), label="a period's start")
    periods = [
        programme_period(make.programme),
        Period(date(2017, 1, 1), date(2017, 12, 31)),
        Period(asked, asked + timedelta(days=data.draw(st.integers(0, 300)))),
    ]
    for period in periods:
        # The dashboard's conversion line is kept with each (reports/apps.py), so each
        # refresh recomputes it too.
        k.kept_also(k.kept_figures(make.programme, period), "conversion")

    for write in data.draw(st.lists(st.sampled_from(WRITES), min_size=1, max_size=6)):
        try:
            write(data, make, w)
        except (DomainError, ValidationError):
            pass  # refused, nothing saved: the figures must still agree

        programme = Programme.objects.get(pk=make.programme.pk)
        for period in periods:
            served = k.kept_figures(programme, period)
            kept = KeptFigureSet.objects.get(
                programme=programme, starts_on=period.start, ends_on=period.end
            )
            assert served.as_of == kept.computed_at, "refreshed after the commit, and read"
            live = headline_figures(programme, period)
            assert replace(served, as_of=None) == live, write
            assert list(served.figures) == list(live.figures), "in the figures' order"
            assert served.also["conversion"] == k._computed("conversion", programme, period, live)

    # The public page's charts (drawn by matplotlib: once, at the end), from the kept
    # figures, as from the live ones.
    whole = programme_period(programme)
    served = k.kept_figures(programme, whole)
    live = headline_figures(programme, whole)
    charts = k.kept_also(served, "public_charts")
    assert charts == k._computed("public_charts", programme, whole, live)
    assert k.kept_figures(programme, whole).also["public_charts"] == charts
