"""Rates, conversion, display of money and minor units. Pure Python: no database."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as s

from partnerbase.core.currencies import exponent, from_minor, to_minor
from partnerbase.core.limits import MAX_MINOR
from partnerbase.core.money import (
    NoRate,
    Rate,
    RateTable,
    format_money,
    format_with_display,
    round_money,
)

JAN, FEB, MAR, APR = date(2017, 1, 1), date(2017, 2, 1), date(2017, 3, 1), date(2017, 4, 1)


# --- RateTable -------------------------------------------------------------------------


@pytest.fixture
def gbp_usd():
    # Given out of order: the table sorts them.
    return RateTable(
        [Rate("GBP", "USD", MAR, Decimal("1.30")), Rate("GBP", "USD", JAN, Decimal("1.20"))]
    )


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        (JAN, Decimal("1.20")),
        (JAN + timedelta(days=20), Decimal("1.20")),
        (MAR - timedelta(days=1), Decimal("1.20")),
        (MAR, Decimal("1.30")),
        (date(2030, 1, 1), Decimal("1.30")),
    ],
)
def test_the_latest_rate_on_or_before_the_date_is_used(gbp_usd, on, expected):
    multiplier, used = gbp_usd.lookup("GBP", "USD", on)
    assert multiplier == expected
    assert used.rate == expected and used.on <= on


def test_the_inverse_pair_is_used_the_other_way_round(gbp_usd):
    multiplier, used = gbp_usd.lookup("USD", "GBP", FEB)
    assert abs(multiplier * Decimal("1.20") - 1) < Decimal("1e-30")
    assert (used.base, used.quote) == ("GBP", "USD")
    assert gbp_usd.convert(Decimal("120"), "USD", "GBP", FEB) == Decimal("100")


def test_a_currency_converts_to_itself_without_a_rate():
    assert RateTable().lookup("GBP", "GBP", JAN) == (Decimal(1), None)
    assert RateTable().convert(Decimal("12.34"), "EUR", "EUR", JAN) == Decimal("12.34")


@pytest.mark.parametrize(
    ("from_currency", "to_currency", "on"),
    [
        ("GBP", "USD", JAN - timedelta(days=1)),  # only later rates
        ("USD", "GBP", JAN - timedelta(days=1)),
        ("GBP", "EUR", MAR),  # no rate for the pair at all
        ("EUR", "USD", MAR),  # no cross rates through GBP
    ],
)
def test_no_rate_says_which_currencies_and_date(gbp_usd, from_currency, to_currency, on):
    with pytest.raises(NoRate) as caught:
        gbp_usd.convert(Decimal(1), from_currency, to_currency, on)
    message = str(caught.value)
    assert f"from {from_currency} to {to_currency}" in message
    assert on.isoformat() in message
    assert (caught.value.from_currency, caught.value.to_currency, caught.value.on) == (
        from_currency,
        to_currency,
        on,
    )


def test_the_more_recent_quotation_wins_whichever_way_round_and_direct_wins_a_tie():
    table = RateTable(
        [
            Rate("GBP", "USD", JAN, Decimal("1.25")),
            Rate("USD", "GBP", FEB, Decimal("0.5")),
            Rate("GBP", "USD", MAR, Decimal("1.40")),
            Rate("USD", "GBP", MAR, Decimal("0.8")),
        ]
    )
    # GBP→USD: Jan direct; Feb the newer inverse; Mar both, so the direct one.
    assert table.lookup("GBP", "USD", JAN)[0] == Decimal("1.25")
    assert table.lookup("GBP", "USD", FEB)[0] == Decimal(1) / Decimal("0.5")
    assert table.lookup("GBP", "USD", APR)[0] == Decimal("1.40")
    # USD→GBP, the same dates seen from the other side.
    assert table.lookup("USD", "GBP", JAN)[0] == Decimal(1) / Decimal("1.25")
    assert table.lookup("USD", "GBP", FEB)[0] == Decimal("0.5")
    assert table.lookup("USD", "GBP", APR)[0] == Decimal("0.8")


@pytest.mark.parametrize("rate", [Decimal(0), Decimal("-1.3")])
def test_a_rate_must_be_positive(rate):
    with pytest.raises(ValueError, match="positive"):
        RateTable([Rate("GBP", "USD", JAN, rate)])


def test_conversion_is_exact_until_rounded():
    table = RateTable([Rate("GBP", "USD", JAN, Decimal("3"))])
    third = table.convert(Decimal("1"), "USD", "GBP", JAN)
    assert third != round_money(third, "GBP")
    assert round_money(third * 3, "GBP") == Decimal("1.00")


# --- format_money ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "currency", "expected"),
    [
        ("80500", "GBP", "£80,500"),
        ("80500.00", "GBP", "£80,500"),  # no ".00" on whole pounds
        ("20.5", "GBP", "£20.50"),
        ("20.50", "GBP", "£20.50"),
        ("0.07", "GBP", "£0.07"),
        ("2000000", "GBP", "£2 million"),
        ("2633400", "USD", "$2.63 million"),
        ("1000000", "GBP", "£1 million"),
        ("1250000", "EUR", "€1.25 million"),
        ("12345678", "GBP", "£12.35 million"),
        ("-1250", "GBP", "-£1,250"),
        ("-2500000", "USD", "-$2.5 million"),
        ("1000", "CHF", "CHF 1,000"),
        ("1234.5", "CHF", "CHF 1,234.50"),
        ("1234", "JPY", "JPY 1,234"),
        ("1.234", "KWD", "KWD 1.234"),
    ],
)
def test_format_money_in_govuk_style(amount, currency, expected):
    assert format_money(Decimal(amount), currency) == expected


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        ("80500.49", "£80,500"),
        ("80500.50", "£80,501"),
        ("20.50", "£21"),
        ("2633400", "£2.63 million"),
    ],
)
def test_whole_rounds_to_whole_pounds(amount, expected):
    assert format_money(Decimal(amount), "GBP", whole=True) == expected


@pytest.mark.parametrize(
    ("amount", "whole", "expected"),
    [
        ("999999.50", True, "£1 million"),
        ("999999.999", False, "£1 million"),
        ("-0.40", True, "£0"),
    ],
)
def test_format_money_decides_after_rounding(amount, whole, expected):
    assert format_money(Decimal(amount), "GBP", whole=whole) == expected


def test_format_with_display_puts_each_display_currency_in_brackets():
    usd, eur = Decimal("1.3167"), Decimal("1.1")
    assert format_with_display(Decimal("632000"), "GBP", []) == "£632,000"
    assert format_with_display(Decimal("632000"), "GBP", [("USD", usd)]) == (
        f"£632,000 (${Decimal(632000) * usd:,.0f})"
    )
    assert format_with_display(Decimal("2000000"), "GBP", [("USD", usd), ("EUR", eur)]) == (
        "£2 million ($2.63 million, €2.2 million)"
    )


# --- minor units -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "currency", "minor"),
    [
        ("12.34", "GBP", 1234),
        ("12.3", "GBP", 1230),
        ("12.300", "GBP", 1230),
        ("0", "GBP", 0),
        ("1234", "JPY", 1234),
        ("1.234", "KWD", 1234),
        ("-5.01", "USD", -501),
    ],
)
def test_to_and_from_minor_units(amount, currency, minor):
    assert to_minor(Decimal(amount), currency) == minor
    back = from_minor(minor, currency)
    assert back == Decimal(amount)
    assert back.as_tuple().exponent == -exponent(currency)


@pytest.mark.parametrize(
    ("amount", "currency"), [("1.005", "GBP"), ("100.5", "JPY"), ("0.0001", "KWD")]
)
def test_to_minor_refuses_more_decimal_places_than_the_currency_has(amount, currency):
    with pytest.raises(ValueError) as caught:
        to_minor(Decimal(amount), currency)
    assert amount in str(caught.value) and currency in str(caught.value)
    assert f"({exponent(currency)})" in str(caught.value)


CURRENCIES = s.sampled_from(["GBP", "USD", "JPY", "KWD", "CLF"])


@given(minor=s.integers(min_value=-MAX_MINOR, max_value=MAX_MINOR), currency=CURRENCIES)
def test_minor_units_round_trip(minor, currency):
    assert to_minor(from_minor(minor, currency), currency) == minor


@given(
    pence=s.integers(min_value=0, max_value=10**13),
    rate=s.decimals(min_value=Decimal("0.0001"), max_value=Decimal("10000"), places=4),
)
def test_gbp_to_usd_and_back_at_the_same_rate_returns_the_amount(pence, rate):
    table = RateTable([Rate("GBP", "USD", JAN, rate)])
    amount = from_minor(pence, "GBP")

    exact = table.convert(table.convert(amount, "GBP", "USD", JAN), "USD", "GBP", JAN)
    assert round_money(exact, "GBP") == amount

    # Rounding to cents on the way bounds the error by half a cent, converted back, plus
    # half a penny for the final rounding.
    via_cents = round_money(table.convert(amount, "GBP", "USD", JAN), "USD")
    back = round_money(table.convert(via_cents, "USD", "GBP", JAN), "GBP")
    assert abs(back - amount) <= Decimal("0.005") / rate + Decimal("0.005")


# --- sums of mixed currencies and rounding (issue 6) ------------------------------------

MIXED_RATES = RateTable(
    [
        Rate("GBP", "USD", JAN, Decimal("1.2950")),
        Rate("GBP", "USD", MAR, Decimal("1.3520")),
        Rate("EUR", "GBP", JAN, Decimal("0.8512")),
        Rate("GBP", "JPY", JAN, Decimal("151.27")),
    ]
)
AMOUNTS = s.lists(
    s.tuples(
        s.sampled_from(["GBP", "USD", "EUR", "JPY"]),
        s.sampled_from([JAN, FEB, MAR, APR]),
        s.integers(min_value=1, max_value=10**12),
    ),
    max_size=30,
)


def _total(items) -> Decimal:
    exact = sum(
        (MIXED_RATES.convert(from_minor(m, c), c, "GBP", on) for c, on, m in items), Decimal(0)
    )
    return round_money(exact, "GBP")


@given(items=AMOUNTS, data=s.data())
def test_a_mixed_currency_sum_does_not_depend_on_order_or_grouping(items, data):
    shuffled = data.draw(s.permutations(items))
    # Grouping by (currency, date) first, as the database's SUM does, changes nothing.
    groups: dict = {}
    for c, on, m in items:
        groups[(c, on)] = groups.get((c, on), 0) + m
    grouped = [(c, on, m) for (c, on), m in groups.items()]
    assert _total(items) == _total(shuffled) == _total(grouped)


@given(items=AMOUNTS)
def test_rounding_once_is_within_half_a_penny_of_the_exact_sum(items):
    exact = sum(
        (MIXED_RATES.convert(from_minor(m, c), c, "GBP", on) for c, on, m in items), Decimal(0)
    )
    total = _total(items)
    assert abs(total - exact) <= Decimal("0.005")
    assert total == round_money(total, "GBP")  # rounding is idempotent
    # Rounding each item first can drift by up to half a penny per item; never by more.
    per_item = sum(
        (round_money(MIXED_RATES.convert(from_minor(m, c), c, "GBP", on), "GBP"))
        for c, on, m in items
    )
    assert abs(per_item - total) <= Decimal("0.005") * (len(items) + 1)


@given(items=AMOUNTS)
def test_sums_in_one_currency_are_exact(items):
    gbp = [(c, on, m) for c, on, m in items if c == "GBP"]
    assert _total(gbp) == from_minor(sum(m for _, _, m in gbp), "GBP")


@given(
    minor=s.integers(min_value=0, max_value=10**13),
    multiplier=s.decimals(min_value=Decimal("0.5"), max_value=Decimal("2"), places=4),
)
def test_display_brackets_show_the_same_amount_converted(minor, multiplier):
    amount = from_minor(minor, "GBP")
    text = format_with_display(amount, "GBP", [("USD", multiplier)])
    main, bracket = text.split(" (")
    assert main == format_money(amount, "GBP", whole=True)
    assert bracket == format_money(amount * multiplier, "USD", whole=True) + ")"
    assert "." not in main or "million" in main


@pytest.mark.parametrize(
    ("amount", "display", "expected"),
    [
        ("632000", "1.3167", "£632,000 ($832,154)"),
        ("2000000", "1.3167", "£2 million ($2.63 million)"),
        ("80500", "1.3167", "£80,500 ($105,994)"),
    ],
)
def test_the_iep_style_of_money_with_dollars_beside(amount, display, expected):
    assert format_with_display(Decimal(amount), "GBP", [("USD", Decimal(display))]) == expected
