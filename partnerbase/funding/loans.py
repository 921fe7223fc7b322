"""Repayment schedules for social loans. Pure Python: no Django, no floats.

Money is whole minor units (pence). Interest accrues monthly at annual rate / 12 on the
balance still owed, rounded half up to the minor unit each month. Two methods:

- annuity: equal monthly instalments (the amount that would clear the loan exactly,
  rounded half up to the minor unit); the last instalment takes the rounding remainder.
- straight-line: equal principal each month (whole minor units, the remainder on the
  last) plus that month's interest, so instalments fall over the term.

Either way the principal parts add up to the principal exactly and the instalments add up
to the principal plus the interest, to the penny. Worked example, the demo's Toolshed loan
(£80,500 at 5% over 36 months): test_the_toolshed_loan_by_equal_instalments in
funding/tests/test_loans.py.
"""

import calendar
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, localcontext

ANNUITY = "annuity"
STRAIGHT_LINE = "straight_line"
METHODS = (ANNUITY, STRAIGHT_LINE)


@dataclass(frozen=True)
class Instalment:
    number: int
    due_on: date
    principal_minor: int
    interest_minor: int
    balance_after_minor: int

    @property
    def total_minor(self) -> int:
        return self.principal_minor + self.interest_minor


def add_months(start: date, months: int) -> date:
    """The same day `months` later, or the month's last day when it is shorter."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def _half_up(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), ROUND_HALF_UP))


def annuity_payment_minor(principal_minor: int, monthly_rate: Decimal, months: int) -> int:
    """P·r / (1 − (1 + r)^−n), at 50 significant digits, rounded half up to a minor unit."""
    if monthly_rate == 0:
        return _half_up(Decimal(principal_minor) / months)
    with localcontext() as ctx:
        ctx.prec = 50
        factor = (1 + monthly_rate) ** months
        return _half_up(Decimal(principal_minor) * monthly_rate * factor / (factor - 1))


def schedule(
    *,
    principal_minor: int,
    annual_rate_percent: Decimal,
    months: int,
    first_due_on: date,
    method: str = ANNUITY,
) -> list[Instalment]:
    """The instalments that repay `principal_minor` with interest over `months` months."""
    if principal_minor <= 0:
        raise ValueError("The principal must be more than 0.")
    if months <= 0:
        raise ValueError("The term must be at least 1 month.")
    if annual_rate_percent < 0:
        raise ValueError("The interest rate cannot be negative.")
    if method not in METHODS:
        raise ValueError(f"{method!r} is not a repayment method ({', '.join(METHODS)}).")
    with localcontext() as ctx:
        ctx.prec = 50
        return _rows(
            principal_minor, Decimal(annual_rate_percent) / 1200, months, first_due_on, method
        )


def _rows(principal_minor, monthly_rate, months, first_due_on, method) -> list[Instalment]:
    payment = annuity_payment_minor(principal_minor, monthly_rate, months)
    level_principal = principal_minor // months
    balance, rows = principal_minor, []
    for n in range(1, months + 1):
        interest = _half_up(balance * monthly_rate)
        if n == months:
            principal = balance  # the rounding remainder lands here
        elif method == ANNUITY:
            # Never below nothing nor beyond the balance (tiny loans, where rounding bites).
            principal = min(max(payment - interest, 0), balance)
        else:
            principal = min(level_principal, balance)
        balance -= principal
        rows.append(Instalment(n, add_months(first_due_on, n - 1), principal, interest, balance))
    return rows


def total_interest_minor(rows: list[Instalment]) -> int:
    return sum(r.interest_minor for r in rows)


def total_repayable_minor(rows: list[Instalment]) -> int:
    return sum(r.total_minor for r in rows)
