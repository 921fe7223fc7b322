"""Exchange rates, conversion and display of money. Pure Python: no Django, no floats.

A rate says 1 `base` = `rate` `quote` on a date. Converting on a date uses the latest rate
on or before that date, for the pair either way round; no rate, no conversion (NoRate).
"""

import bisect
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, localcontext
from functools import partial

from .currencies import SYMBOLS, exponent


@dataclass(frozen=True)
class Rate:
    base: str
    quote: str
    on: date
    rate: Decimal
    source: str = ""


class NoRate(LookupError):
    def __init__(self, from_currency: str, to_currency: str, on: date):
        super().__init__(
            f"No exchange rate from {from_currency} to {to_currency} on or before "
            f"{on.isoformat()}: add one to the programme's exchange rates."
        )
        self.from_currency, self.to_currency, self.on = from_currency, to_currency, on


class RateTable:
    def __init__(self, rates: Iterable[Rate] = ()):
        self._by_pair: dict[tuple[str, str], list[Rate]] = defaultdict(list)
        for r in rates:
            if r.rate <= 0:
                raise ValueError(f"Rate {r.base}/{r.quote} on {r.on} must be positive")
            self._by_pair[(r.base, r.quote)].append(r)
        for entries in self._by_pair.values():
            entries.sort(key=lambda r: r.on)
        self._dates = {pair: [r.on for r in rs] for pair, rs in self._by_pair.items()}

    def _latest(self, pair: tuple[str, str], on: date) -> Rate | None:
        dates = self._dates.get(pair)
        if not dates:
            return None
        i = bisect.bisect_right(dates, on)
        return self._by_pair[pair][i - 1] if i else None

    def lookup(self, from_currency: str, to_currency: str, on: date) -> tuple[Decimal, Rate | None]:
        """Multiplier from one currency to another on a date, and the rate record used."""
        if from_currency == to_currency:
            return Decimal(1), None
        direct = self._latest((from_currency, to_currency), on)
        inverse = self._latest((to_currency, from_currency), on)
        # Prefer the more recent of the two quotations; a direct one wins a tie.
        if direct and (not inverse or direct.on >= inverse.on):
            return direct.rate, direct
        if inverse:
            with localcontext() as ctx:
                ctx.prec = 34
                return Decimal(1) / inverse.rate, inverse
        raise NoRate(from_currency, to_currency, on)

    def convert(self, amount: Decimal, from_currency: str, to_currency: str, on: date) -> Decimal:
        """Exact (34 significant digits) conversion; round once, when the total is known."""
        multiplier, _ = self.lookup(from_currency, to_currency, on)
        with localcontext() as ctx:
            ctx.prec = 34
            return Decimal(amount) * multiplier


def round_money(amount: Decimal, currency: str) -> Decimal:
    return Decimal(amount).quantize(Decimal(1).scaleb(-exponent(currency)), ROUND_HALF_UP)


def dated_total(amounts: Iterable[tuple[date, Decimal]], currency: str) -> Decimal:
    """The total of (date, exact amount in `currency`) pairs, each day's sum rounded once,
    half up, to the currency's minor unit.

    Rounding by day rather than once on the whole keeps totals additive: the totals of
    consecutive periods add up to the total of the period they cover, to the penny
    (DESIGN.md, "Periods add up"), and no single amount is rounded on its own.
    """
    by_day: dict[date, Decimal] = defaultdict(Decimal)
    with localcontext() as ctx:
        ctx.prec = 34
        for on, amount in amounts:
            by_day[on] += amount
    return round_money(
        sum(map(partial(round_money, currency=currency), by_day.values()), Decimal(0)), currency
    )


def format_rate(rate: Decimal) -> str:
    """1.33500000 -> "1.335": a rate shows the digits it was quoted with."""
    text = format(Decimal(rate).normalize(), "f")
    return text


def _symbolise(text: str, currency: str, negative: bool) -> str:
    sign = "-" if negative else ""
    symbol = SYMBOLS.get(currency)
    return f"{sign}{symbol}{text}" if symbol else f"{sign}{currency} {text}"


def format_money(amount: Decimal, currency: str, *, whole: bool = False) -> str:
    """GOV.UK style: "£80,500", "£20.50", "£2 million", "$2.63 million".

    `whole` rounds to whole units below a million (headline figures).
    """
    # Round first: the sign and the million threshold belong to the shown amount.
    value = abs(Decimal(amount))
    rounded = value.quantize(Decimal(1), ROUND_HALF_UP) if whole else round_money(value, currency)
    negative = amount < 0 and rounded != 0
    if rounded >= 1_000_000:
        millions = (value / 1_000_000).quantize(Decimal("0.01"), ROUND_HALF_UP)
        text = f"{millions:f}".rstrip("0").rstrip(".") + " million"
    elif rounded == rounded.to_integral_value():
        text = f"{rounded.quantize(Decimal(1)):,f}"
    else:
        text = f"{rounded:,f}"
    return _symbolise(text, currency, negative)


def format_with_display(
    amount: Decimal, currency: str, display: list[tuple[str, Decimal]], *, whole: bool = True
) -> str:
    """ "£632,000 ($832,000)": the amount, then each display currency at its multiplier."""
    main = format_money(amount, currency, whole=whole)
    if not display:
        return main
    others = ", ".join(
        format_money(Decimal(amount) * multiplier, code, whole=whole)
        for code, multiplier in display
    )
    return f"{main} ({others})"
