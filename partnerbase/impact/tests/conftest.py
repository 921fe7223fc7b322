from datetime import date

import pytest

from partnerbase.core.period import Period
from tests.factories import JOINED, Make, make_programme, make_user

# Every figure test asks about calendar 2017 of a programme running 2017–2018.
YEAR = Period(date(2017, 1, 1), date(2017, 12, 31))


@pytest.fixture
def actor(db):
    return make_user(full_name="Tess Team")


@pytest.fixture
def programme(actor):
    return make_programme(
        actor,
        starts_on=date(2017, 1, 1),
        ends_on=date(2018, 12, 31),
        report_date=date(2018, 12, 31),
        display_currencies="USD",
    )


@pytest.fixture
def make(actor, programme):
    return Make(actor, programme)


@pytest.fixture
def period():
    return YEAR


@pytest.fixture
def funded(make):
    """An innovator who joined a cohort on its first day, one who joined two weeks early,
    one who withdrew before it started, a funder, a convener and a bystander."""
    cohort = make.cohort(JOINED)
    return {
        "innovator": make.innovator(cohort, JOINED, "Toolshed"),
        "early": make.innovator(cohort, date(2017, 5, 18), "Early Bird"),
        "funder": make.org("Big Lottery", kind="funder"),
        "convener": make.convener("DCMS"),
        "bystander": make.org("Not In A Cohort"),
        "withdrawn": make.innovator(cohort, date(2017, 5, 1), withdrawn_on=date(2017, 5, 2)),
    }
