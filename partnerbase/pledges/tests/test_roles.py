"""A pledge gives its organisation a role ("organisations engaged") while it stands: pledged
by the end of the period and not lapsed before it began. The hand-written SQL of the
benchmark (benchmarks/figures_sql.py) must agree."""

import sys
from datetime import date
from pathlib import Path

import pytest
from django.db import connection

from partnerbase.core.period import Period
from partnerbase.impact.roles import ROLE_SOURCES
from partnerbase.pledges import services

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "benchmarks"))
from figures_sql import ROLES_SQL  # noqa: E402

pytestmark = pytest.mark.django_db

PERIOD = Period(date(2018, 1, 1), date(2018, 12, 31))


def orm_ids(programme, period=PERIOD):
    source = next(s for s in ROLE_SOURCES if s.label == "Pledge")
    return set(source.organisation_ids(programme, period).values_list("organisation_id", flat=True))


def sql_ids(programme, period=PERIOD):
    column, rest = next(entry for entry in ROLES_SQL if "pledges_pledge" in entry[1])
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {column} {rest}", {"p": programme.pk, "start": period.start, "end": period.end}
        )
        return {row[0] for row in cursor.fetchall()}


def test_pledges_that_stand_in_the_period_count(world):
    make = world.make
    standing = make.org("Standing plc")
    world.pledge(organisation=standing, pledged_on=date(2017, 11, 1))
    lapsed_in = make.org("Lapsed during plc")
    services.pledge_lapse(
        actor=world.team, pledge=world.pledge(organisation=lapsed_in), on=date(2018, 3, 1)
    )
    lapsed_before = make.org("Lapsed before plc")
    services.pledge_lapse(
        actor=world.team, pledge=world.pledge(organisation=lapsed_before), on=date(2017, 12, 31)
    )
    too_late = make.org("Too late plc")
    world.pledge(organisation=too_late, pledged_on=date(2019, 1, 1))

    expected = {standing.pk, lapsed_in.pk}
    assert orm_ids(world.programme) == expected
    assert sql_ids(world.programme) == expected


def test_another_programmes_pledges_do_not_count(world, other):
    other.pledge()
    assert orm_ids(world.programme) == set() == sql_ids(world.programme)
