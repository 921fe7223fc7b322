"""The pledge ledger's sums: pledged against delivered, by kind and by challenge area.

Pure Python (no Django): it takes plain `Line`s, so the sums are tested without a database.
- Cash and in-kind are kept apart in every total; in-kind is valued, never added to cash.
- Values are summed exactly in minor units, per currency (a pledge keeps its own currency).
- Lapsed pledges are left out of "pledged" and "delivered" and counted on their own: what
  was pledged and given up, and what had been delivered before it lapsed.
- Quantities are summed per unit within a kind (hours and placements never add up).
- Overdue: due date passed and neither delivered nor lapsed (states.is_overdue).
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from partnerbase.core.currencies import from_minor
from partnerbase.core.money import format_money

from . import states

NO_CHALLENGE = "No challenge area"


class Sums(dict):
    """Money by currency, in minor units."""

    def add(self, currency: str, minor: int | None) -> None:
        if minor:
            self[currency] = self.get(currency, 0) + minor

    def text(self, reference: str) -> str:
        """ "£12,000", "£12,000 and $500"; "£0" when empty."""
        if not self:
            return format_money(Decimal(0), reference)
        order = sorted(self, key=lambda c: (c != reference, c))
        return " and ".join(format_money(from_minor(self[c], c), c) for c in order)


@dataclass
class Line:
    """One pledge, as the ledger needs it."""

    pledge: object  # the record, for links; the ledger reads only the fields below
    kind: str
    kind_label: str
    challenge: str
    status: str
    quantity: Decimal
    unit: str
    delivered_quantity: Decimal
    value_minor: int | None
    delivered_value_minor: int
    currency: str
    due_on: date | None
    overdue: bool = False

    @property
    def is_cash(self) -> bool:
        return self.kind == "cash"

    @property
    def left(self) -> Decimal:
        return self.quantity - self.delivered_quantity


@dataclass
class Split:
    """Pledged and delivered, cash and in-kind apart."""

    cash_pledged: Sums = field(default_factory=Sums)
    cash_delivered: Sums = field(default_factory=Sums)
    in_kind_pledged: Sums = field(default_factory=Sums)
    in_kind_delivered: Sums = field(default_factory=Sums)
    count: int = 0

    def add(self, line: Line) -> None:
        self.count += 1
        pledged, delivered = (
            (self.cash_pledged, self.cash_delivered)
            if line.is_cash
            else (self.in_kind_pledged, self.in_kind_delivered)
        )
        pledged.add(line.currency, line.value_minor)
        delivered.add(line.currency, line.delivered_value_minor)


@dataclass
class KindRow:
    label: str
    is_cash: bool
    split: Split = field(default_factory=Split)
    # unit -> [pledged, delivered]
    quantities: dict[str, list[Decimal]] = field(default_factory=dict)


@dataclass
class Ledger:
    currency: str
    lines: list[Line]
    total: Split
    by_kind: list[KindRow]
    by_challenge: list[tuple[str, Split]]
    lapsed: Split
    overdue: list[Line]
    by_status: dict[str, int]


def build_ledger(lines: list[Line], *, currency: str, today: date, kind_order=()) -> Ledger:
    """`kind_order`: (value, label) pairs in the order the kinds are shown."""
    total, lapsed = Split(), Split()
    kinds: dict[str, KindRow] = {}
    challenges: dict[str, Split] = defaultdict(Split)
    by_status = dict.fromkeys(states.STATUSES, 0)
    for line in lines:
        line.overdue = states.is_overdue(line.status, line.due_on, today)
        by_status[line.status] += 1
        if line.status == states.LAPSED:
            lapsed.add(line)
            continue
        total.add(line)
        row = kinds.setdefault(line.kind, KindRow(line.kind_label, line.is_cash))
        row.split.add(line)
        pledged_delivered = row.quantities.setdefault(line.unit, [Decimal(0), Decimal(0)])
        pledged_delivered[0] += line.quantity
        pledged_delivered[1] += line.delivered_quantity
        challenges[line.challenge].add(line)
    order = {value: i for i, (value, _) in enumerate(kind_order)}
    by_kind = [kinds[k] for k in sorted(kinds, key=lambda k: (order.get(k, len(order)), k))]
    by_challenge = sorted(challenges.items(), key=lambda item: (item[0] == NO_CHALLENGE, item[0]))
    overdue = sorted((x for x in lines if x.overdue), key=lambda x: x.due_on)
    return Ledger(currency, lines, total, by_kind, by_challenge, lapsed, overdue, by_status)
