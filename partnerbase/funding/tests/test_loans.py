"""Loan schedules: pure Python, no database. They repay exactly principal plus interest."""

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as s

from partnerbase.funding.loans import (
    ANNUITY,
    METHODS,
    STRAIGHT_LINE,
    add_months,
    schedule,
    total_interest_minor,
    total_repayable_minor,
)

START = date(2018, 6, 14)


def toolshed(method=ANNUITY):
    # The demo's £80,500 UnLtd loan at an illustrative 5% over 36 months.
    return schedule(
        principal_minor=8_050_000,
        annual_rate_percent=Decimal("5"),
        months=36,
        first_due_on=START,
        method=method,
    )


def test_the_toolshed_loan_by_equal_instalments():
    rows = toolshed()
    assert len(rows) == 36
    # 80,500 × r / (1 − (1 + r)^−36), r = 5% / 12, is 2,412.657… → £2,412.66.
    assert {r.total_minor for r in rows[:-1]} == {241_266}
    assert rows[-1].total_minor == 241_255  # the rounding remainder
    assert rows[0].interest_minor == 33_542  # 80,500 × 5% / 12 = 335.416… → £335.42
    assert total_interest_minor(rows) == 635_565
    assert total_repayable_minor(rows) == 8_050_000 + 635_565
    assert [r.due_on for r in rows[:3]] == [START, date(2018, 7, 14), date(2018, 8, 14)]
    assert rows[-1].due_on == date(2021, 5, 14) and rows[-1].balance_after_minor == 0


def test_the_toolshed_loan_straight_line():
    rows = toolshed(STRAIGHT_LINE)
    # 8,050,000 / 36 = 223,611 remainder 4: the last principal part takes the 4p.
    assert {r.principal_minor for r in rows[:-1]} == {223_611}
    assert rows[-1].principal_minor == 223_615
    totals = [r.total_minor for r in rows]
    assert totals == sorted(totals, reverse=True)  # falling instalments
    assert total_interest_minor(rows) < total_interest_minor(toolshed())


def test_no_interest_splits_the_principal():
    rows = schedule(
        principal_minor=1000, annual_rate_percent=Decimal(0), months=3, first_due_on=START
    )
    assert [r.total_minor for r in rows] == [333, 333, 334]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"principal_minor": 0}, "principal"),
        ({"months": 0}, "term"),
        ({"annual_rate_percent": Decimal("-1")}, "negative"),
        ({"method": "balloon"}, "repayment method"),
    ],
)
def test_bad_terms_are_refused(kwargs, message):
    args = {
        "principal_minor": 100_000,
        "annual_rate_percent": Decimal(5),
        "months": 12,
        "first_due_on": START,
        **kwargs,
    }
    with pytest.raises(ValueError, match=message):
        schedule(**args)


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2018, 1, 31), 1, date(2018, 2, 28)),
        (date(2020, 1, 31), 1, date(2020, 2, 29)),
        (date(2018, 11, 30), 3, date(2019, 2, 28)),
        (date(2018, 5, 14), 12, date(2019, 5, 14)),
    ],
)
def test_add_months_keeps_the_day_or_takes_the_months_last(start, months, expected):
    assert add_months(start, months) == expected


LOANS = {
    "principal_minor": s.integers(min_value=1, max_value=10**12),
    "annual_rate_percent": s.decimals(min_value=0, max_value=40, places=3),
    "months": s.integers(min_value=1, max_value=360),
    "method": s.sampled_from(METHODS),
}


@given(**LOANS)
def test_every_schedule_repays_exactly_principal_plus_interest(
    principal_minor, annual_rate_percent, months, method
):
    rows = schedule(
        principal_minor=principal_minor,
        annual_rate_percent=annual_rate_percent,
        months=months,
        first_due_on=START,
        method=method,
    )
    assert len(rows) == months
    assert sum(r.principal_minor for r in rows) == principal_minor
    assert total_repayable_minor(rows) == principal_minor + total_interest_minor(rows)
    assert rows[-1].balance_after_minor == 0
    assert all(isinstance(r.total_minor, int) for r in rows)
    assert all(r.principal_minor >= 0 and r.interest_minor >= 0 for r in rows)
    # The balance never rises and each row's balance follows from the one before.
    balance = principal_minor
    for r in rows:
        balance -= r.principal_minor
        assert r.balance_after_minor == balance >= 0
    if annual_rate_percent == 0:
        assert total_interest_minor(rows) == 0


@given(**{k: v for k, v in LOANS.items() if k != "method"})
def test_annuity_instalments_are_level_but_the_last(principal_minor, annual_rate_percent, months):
    rows = schedule(
        principal_minor=principal_minor,
        annual_rate_percent=annual_rate_percent,
        months=months,
        first_due_on=START,
    )
    # Each month's rounding (under a penny) moves the balance, and that error earns
    # interest, so the last instalment differs from the level one by at most
    # (1 + r)·((1 + r)^(n−1) − 1)/r + 1 pence (n pence without interest). While that bound
    # is less than an instalment, every instalment but the last is the same.
    r = annual_rate_percent / 1200
    drift = (1 + r) * (((1 + r) ** (months - 1) - 1) / r) + 1 if r else Decimal(months)
    level = rows[0].total_minor
    assume(months > 1 and drift < level)
    assert {row.total_minor for row in rows[:-1]} == {level}
    assert abs(rows[-1].total_minor - level) <= drift
