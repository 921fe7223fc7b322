from datetime import date
from decimal import Decimal

import pytest

from partnerbase.funding import services
from tests.factories import Make, make_programme, make_user


@pytest.fixture
def actor(db):
    return make_user(full_name="Tess Team")


@pytest.fixture
def make(actor):
    programme = make_programme(
        actor,
        starts_on=date(2017, 1, 1),
        ends_on=date(2018, 12, 31),
        report_date=date(2018, 12, 31),
        display_currencies="USD",
    )
    return Make(actor, programme)


@pytest.fixture
def loan(make):
    """£80,500 at 5% over 36 months, equal instalments of £2,412.66 from 14 June 2018."""
    make.funder, make.innovator = make.org("UnLtd", kind="funder"), make.org("Toolshed")
    return services.funding_award_record(
        actor=make.actor,
        programme=make.programme,
        title="Loan",
        instrument="social_loan",
        amount=Decimal("80500"),
        currency="GBP",
        award_date=date(2018, 5, 14),
        funder=make.funder,
        recipient=make.innovator,
        interest_rate_percent=Decimal("5"),
        term_months=36,
        first_repayment_on=date(2018, 6, 14),
    )
