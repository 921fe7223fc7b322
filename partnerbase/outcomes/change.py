"""Before and after: an innovator's outcome at the date it joined, and now. Pure Python.

The baseline is the latest observation on or before the join date: what the innovator was
already doing when support began. "Now" is the latest observation after it. The change is
put in words a report can quote ("trebled", "rose from none to 3,000"), and a change that
rests on an estimate says so.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from partnerbase.core.currencies import SYMBOLS

ESTIMATE = "estimate"
# Ratios said in a word rather than a percentage; within 5% of the whole multiple.
_MULTIPLES = {2: "doubled", 3: "trebled", 4: "quadrupled"}


@dataclass(frozen=True)
class Point:
    on: date
    value: Decimal
    quality: str  # "estimate" or "verified"


@dataclass(frozen=True)
class BeforeAfter:
    baseline: Point | None
    latest: Point | None

    @property
    def change(self) -> Decimal | None:
        if self.baseline is None or self.latest is None:
            return None  # without a baseline there is no "before" to compare with
        return self.latest.value - self.baseline.value

    @property
    def ratio(self) -> Decimal | None:
        if self.baseline is None or self.latest is None or self.baseline.value == 0:
            return None
        return self.latest.value / self.baseline.value

    @property
    def estimated(self) -> bool:
        return any(p is not None and p.quality == ESTIMATE for p in (self.baseline, self.latest))

    def words(self, unit: str = "") -> str:
        """The change in a phrase: "trebled (120 to 360 participants)"."""
        if self.latest is None:
            return "No observation since joining"
        if self.baseline is None:
            return f"{amount(self.latest.value, unit)} since joining (no baseline)"
        after = amount(self.latest.value, unit)
        if self.baseline.value == 0:
            phrase = f"rose from none to {after}"
        elif self.latest.value == self.baseline.value:
            phrase = f"unchanged at {after}"
        else:
            before = amount(self.baseline.value, unit)
            if unit not in SYMBOLS:  # "120 to 360 participants", not "120 participants to …"
                before = number(self.baseline.value)
            phrase = f"{ratio_words(self.ratio)} ({before} to {after})"
        return phrase + (" — estimate" if self.estimated else "")


def ratio_words(ratio: Decimal) -> str:
    for multiple, word in _MULTIPLES.items():
        if abs(ratio - multiple) <= Decimal("0.05") * multiple:
            return word
    percent = ((ratio - 1) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return f"rose by {percent}%" if percent > 0 else f"fell by {-percent}%"


def before_after(points: Iterable[Point], joined_on: date | None) -> BeforeAfter:
    """Baseline at `joined_on` and the latest observation after it.

    Without a join date (an organisation outside any cohort) the first observation is the
    baseline. Several observations on one date: the last one given counts."""
    ordered = sorted(points, key=lambda p: p.on)
    if not ordered:
        return BeforeAfter(None, None)
    if joined_on is None:
        first, last = ordered[0], ordered[-1]
        return BeforeAfter(first, last if last is not first else None)
    before = [p for p in ordered if p.on <= joined_on]
    after = [p for p in ordered if p.on > joined_on]
    return BeforeAfter(before[-1] if before else None, after[-1] if after else None)


@dataclass(frozen=True)
class Total:
    """A cohort's sum for one kind of indicator, over innovators with a baseline and a later
    observation; the others are left out rather than guessed at."""

    innovators: int
    baseline: Decimal
    latest: Decimal
    estimated: bool

    @property
    def change(self) -> Decimal:
        return self.latest - self.baseline


def cohort_total(rows: Iterable[BeforeAfter]) -> Total:
    both = [r for r in rows if r.baseline is not None and r.latest is not None]
    return Total(
        innovators=len(both),
        baseline=sum((r.baseline.value for r in both), Decimal(0)),
        latest=sum((r.latest.value for r in both), Decimal(0)),
        estimated=any(r.estimated for r in both),
    )


# Units that do not become singular by losing their last letter.
_SINGULAR = {"people": "person", "young people": "young person", "cities": "city"}


def amount(value: Decimal, unit: str = "") -> str:
    """£25,000 for a currency with a symbol; otherwise 3,000 young people, 1 city."""
    if unit in SYMBOLS:
        return f"{SYMBOLS[unit]}{number(value)}"
    if value == 1 and unit:
        unit = _SINGULAR.get(unit, unit[:-1] if unit.endswith("s") else unit)
    return f"{number(value)} {unit}".strip()


def number(value: Decimal) -> str:
    """12,345 or 12,345.5: thousands separated, no trailing zeros (GOV.UK style)."""
    value = Decimal(value)
    if value == value.to_integral_value():
        return f"{int(value):,}"
    return f"{value.normalize():,f}"
