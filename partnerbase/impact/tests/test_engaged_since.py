"""figures.engaged_since: the organisations engaged from a period's start to each of several
days, from each organisation's first day, equal counting each span afresh."""

from datetime import date, timedelta

from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partnerbase.core.period import Period, split
from partnerbase.impact import figures as f
from tests.factories import Make, make_programme, make_user

from .test_periods_add_up import DAYS, START, build, days


def afresh(programme, period, ends):
    return [f.engaged_organisations(programme, Period(period.start, e)).count() for e in ends]


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_each_days_count_equals_counting_the_span_afresh(db, data):
    with transaction.atomic():
        actor = make_user()
        programme = make_programme(actor, display_currencies="USD")
        make = Make(actor, programme)
        build(data, make)
        # Roles of every kind that a generated programme lacks: a coalition member with no
        # dates at all, an open delivery partnership, a board seat.
        make.project(status="proposed", launch_date=None, coalition=[(make.org(), "lead", None)])
        make.project(launch_date=data.draw(days()), coalition=[(make.org(), "lead", None)])
        make.accelerator(starts_on=data.draw(days()), delivery_partner=make.org())
        first = data.draw(days(-30, DAYS - 60), label="period starts")
        period = Period(first, first + timedelta(days=data.draw(st.integers(0, 500))))
        ends = [month.end for month in split(period, "month")]

        assert f.engaged_since(programme, period, ends) == afresh(programme, period, ends)
        transaction.set_rollback(True)


def test_nothing_engaged_is_zero_every_day(db):
    actor = make_user()
    programme = make_programme(actor)
    period = Period(START, date(2017, 3, 31))
    assert f.engaged_since(programme, period, [date(2017, 1, 31), period.end]) == [0, 0]
