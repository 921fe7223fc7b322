"""The bounds of core/limits.py in the pure modules: amounts, dates and JSON."""

import json
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from partnerbase.core.currencies import from_minor, is_currency, to_minor
from partnerbase.core.jsonfiles import BadJSON, depth, load_json
from partnerbase.core.limits import MAX_DATE, MAX_MINOR, MIN_DATE, date_problem


@given(minor=st.integers(min_value=-MAX_MINOR, max_value=MAX_MINOR))
def test_every_amount_within_the_maximum_converts_exactly(minor):
    for currency in ("GBP", "JPY", "KWD", "CLF"):
        assert to_minor(from_minor(minor, currency), currency) == minor


@given(minor=st.integers(min_value=MAX_MINOR + 1, max_value=10**40))
def test_every_amount_above_the_maximum_is_refused(minor):
    with pytest.raises(ValueError, match="more than the most Partnerbase records"):
        to_minor(Decimal(minor).scaleb(-2), "GBP")


@pytest.mark.parametrize("text", ["Infinity", "-Infinity", "NaN", "1e999999999"])
def test_no_infinity_nor_a_number_too_big_to_hold_is_an_amount(text):
    with pytest.raises(ValueError):
        to_minor(Decimal(text), "GBP")


def test_the_maximum_is_ten_billion_pounds_and_a_million_of_them_fit_64_bits():
    assert from_minor(MAX_MINOR, "GBP") == Decimal("10000000000.00")
    assert MAX_MINOR * 1_000_000 < 2**63 - 1


@pytest.mark.parametrize(
    ("value", "refused"),
    [(MIN_DATE, False), (MAX_DATE, False), (date(1899, 12, 31), True), (date(2101, 1, 1), True)],
)
def test_dates_are_kept_from_1900_to_2100(value, refused):
    assert (date_problem(value) is not None) is refused


def test_iso_4217_only():
    assert is_currency("GBP") and is_currency("JPY") and is_currency("XOF")
    assert not any(map(is_currency, ["ZZZ", "XXX", "XTS", "XAU", "gbp", "", None, 826]))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[" * 100_000 + "]" * 100_000, "nested 100,000 levels deep"),
        ('{"a": ' * 65 + "1" + "}" * 65, "nested 65 levels deep"),
        ('{"n": ' + "9" * 5000 + "}", "a number with 5,000 digits"),
        ('{"n": -' + "9" * 31 + "}", "a number with 31 digits"),
        ('{"n": Infinity}', "Infinity is not a number"),
        ('{"n": NaN}', "NaN is not a number"),
        ('{"name": "a\x00b"}', "line 1: contains a NUL byte"),
        ('{"name": "a\\u0000b"}', "contains a NUL character"),
        ('{"a": [1, 2', "not valid JSON"),
    ],
)
def test_bad_json_is_refused_with_a_named_reason(text, message):
    with pytest.raises(BadJSON, match=message):
        load_json(text)


def test_good_json_reads_as_json_does_with_decimals_if_asked():
    text = '{"a": [1, {"b": "[{not nesting}]"}], "x": 1.10, "n": ' + "9" * 30 + "}"
    assert depth(text) == 3
    data = load_json(text, decimals=True)
    assert data == {"a": [1, {"b": "[{not nesting}]"}], "x": Decimal("1.10"), "n": 10**30 - 1}
    assert depth('"\\"[["') == 0


def depth_one_character_at_a_time(text: str) -> int:
    """The plain reading of `depth`, to check the numpy one against."""
    deepest = level = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            level += 1
            deepest = max(deepest, level)
        elif char in "]}":
            level -= 1
    return deepest


TRICKY = '[]{}"\\aé€'
JSON_VALUES = st.recursive(
    st.text(alphabet=TRICKY, max_size=8) | st.integers() | st.none(),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text(alphabet=TRICKY, max_size=4), inner, max_size=4)
    ),
    max_leaves=20,
)


@given(JSON_VALUES)
def test_depth_counts_as_reading_one_character_at_a_time_does(value):
    # On any JSON text; outside JSON (a backslash outside a string) json.loads refuses it.
    text = json.dumps(value, ensure_ascii=False)
    assert depth(text) == depth_one_character_at_a_time(text)


def test_only_an_unescaped_backslash_u0000_is_a_nul():
    # "\\u0000" is a backslash followed by the letters u0000: text, not a NUL.
    assert load_json('{"name": "a\\\\u0000b"}') == {"name": "a\\u0000b"}
    with pytest.raises(BadJSON, match="line 2: contains a NUL character"):
        load_json('{"a": 1,\n "name": "a\\\\\\u0000b"}')
