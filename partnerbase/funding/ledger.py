"""The ledger's sums: each award in the reference currency at the rate on its award date,
display currencies beside at the report date's rate; cash and in-kind never added together.

Totals are exact until the end and rounded once, as the headline figures are. Unconfirmed
awards are listed but left out of every total.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from partnerbase.core.currencies import from_minor
from partnerbase.core.money import (
    NoRate,
    Rate,
    RateTable,
    format_money,
    format_with_display,
    round_money,
)

from .models import Instrument


@dataclass
class LedgerRow:
    award: object
    amount: Decimal  # in the award's own currency
    reference: Decimal | None  # exact, in the reference currency; None without a rate
    rate: Rate | None  # the rate used (None when the award is in the reference currency)
    problem: str = ""


@dataclass
class Ledger:
    currency: str
    at: date
    display: list[tuple[str, Decimal, Rate]]
    rows: list[LedgerRow]
    by_instrument: list[tuple[str, Decimal]] = field(default_factory=list)
    cash_total: Decimal = Decimal(0)
    in_kind_total: Decimal = Decimal(0)
    # Cash from the convening organisations: the programme's own money, not additional.
    convener_cash_total: Decimal = Decimal(0)
    unconfirmed_count: int = 0
    notes: list[str] = field(default_factory=list)

    def show(self, amount: Decimal | None) -> str:
        """ "£80,500 ($105,994)": reference currency, display currencies in brackets."""
        if amount is None:
            return "—"
        shown = [(code, multiplier) for code, multiplier, _ in self.display]
        return format_with_display(round_money(amount, self.currency), self.currency, shown)

    @property
    def rates_used(self) -> list[Rate]:
        """Each dated rate an award was converted at, once, oldest first."""
        used = {(r.base, r.quote, r.on): r for r in (row.rate for row in self.rows) if r}
        return sorted(used.values(), key=lambda r: (r.on, r.base, r.quote))


@dataclass(frozen=True)
class AwardSum:
    """Awards of one instrument, currency, date and confirmation: what the totals need,
    summed by the database rather than read row by row. A `convener` sum is the convening
    organisations' share of the sum with the same keys, counted again only apart."""

    instrument: str
    currency: str
    on: date
    confirmed: bool
    convener: bool
    amount_minor: int
    count: int


def award_sums(awards) -> list[AwardSum]:
    """The sums of a few awards already read (an award's own page, tests)."""
    sums = []
    for a in awards:
        keys = (a.instrument, a.currency, a.award_date, a.confirmed)
        sums.append(AwardSum(*keys, False, a.amount_minor, 1))
        if a.funder.convenes_programme:
            sums.append(AwardSum(*keys, True, a.amount_minor, 1))
    return sums


def build_ledger(
    awards, *, currency: str, display_currencies, rates: RateTable, at: date, sums=None
):
    """The ledger's rows for `awards` and its totals over `sums` (by default the awards'
    own): a long ledger shows one page of rows with the totals of every row filtered."""
    awards = list(awards)
    sums = award_sums(awards) if sums is None else sums
    display, notes = [], []
    for code in display_currencies:
        try:
            multiplier, used = rates.lookup(currency, code, at)
            display.append((code, multiplier, used))
        except NoRate as exc:
            notes.append(f"{code} is not shown: {exc}")
    rows = []
    for award in awards:
        amount = from_minor(award.amount_minor, award.currency)
        try:
            _, used = rates.lookup(award.currency, currency, award.award_date)
            converted = rates.convert(amount, award.currency, currency, award.award_date)
            rows.append(LedgerRow(award, amount, converted, used))
        except NoRate as exc:
            rows.append(LedgerRow(award, amount, None, None, str(exc)))
    exact: dict[str, Decimal] = defaultdict(Decimal)
    ledger = Ledger(currency, at, display, rows, notes=notes)
    convener_exact = Decimal(0)
    for group in sums:
        if not group.confirmed:
            ledger.unconfirmed_count += 0 if group.convener else group.count
            continue
        try:
            amount = from_minor(group.amount_minor, group.currency)
            reference = rates.convert(amount, group.currency, currency, group.on)
        except NoRate as exc:
            if f"Not in the totals: {exc}" not in notes:
                notes.append(f"Not in the totals: {exc}")
            continue
        if not group.convener:
            exact[group.instrument] += reference
        elif group.instrument != Instrument.IN_KIND:
            convener_exact += reference
    # Rounded once per total; the cash total is the rounded sum of the exact amounts.
    ledger.by_instrument = [
        (label, round_money(exact[value], currency))
        for value, label in Instrument.choices
        if value in exact
    ]
    ledger.cash_total = round_money(
        sum((v for k, v in exact.items() if k != Instrument.IN_KIND), Decimal(0)), currency
    )
    ledger.convener_cash_total = round_money(convener_exact, currency)
    ledger.in_kind_total = round_money(exact.get(Instrument.IN_KIND, Decimal(0)), currency)
    return ledger


def own_currency(row: LedgerRow) -> str:
    return format_money(row.amount, row.award.currency)
