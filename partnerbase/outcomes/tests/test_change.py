"""Before and after, without a database."""

from datetime import date
from decimal import Decimal

from partnerbase.outcomes.change import (
    BeforeAfter,
    Point,
    amount,
    before_after,
    cohort_total,
    number,
)

JOINED = date(2018, 2, 1)


def p(on, value, quality="verified"):
    return Point(on, Decimal(value), quality)


def test_baseline_is_the_latest_value_on_or_before_joining():
    points = [
        p(date(2017, 6, 1), 80),
        p(JOINED, 120),
        p(date(2018, 5, 1), 200),
        p(date(2018, 9, 1), 360),
    ]
    result = before_after(reversed(points), JOINED)  # order given does not matter
    assert result.baseline == p(JOINED, 120)
    assert result.latest == p(date(2018, 9, 1), 360)
    assert result.change == 240
    assert result.ratio == 3
    assert result.words("participants") == "trebled (120 to 360 participants)"


def test_ratios_and_percentages_in_words():
    def words(before, after):
        return before_after([p(JOINED, before), p(date(2018, 9, 1), after)], JOINED).words()

    assert words(1, 2) == "doubled (1 to 2)"
    assert words(100, 195) == "doubled (100 to 195)"  # within 5% of a whole multiple
    assert words(100, 189) == "rose by 89% (100 to 189)"
    assert words(100, 400) == "quadrupled (100 to 400)"
    assert words(200, 150) == "fell by 25% (200 to 150)"
    assert words(7, 7) == "unchanged at 7"
    assert words(0, 3000) == "rose from none to 3,000"


def test_an_estimate_anywhere_marks_the_change():
    result = before_after([p(JOINED, 5000), p(date(2018, 9, 1), 20000, "estimate")], JOINED)
    assert result.estimated
    assert result.words("people") == "quadrupled (5,000 to 20,000 people) — estimate"


def test_without_a_baseline_there_is_no_change_to_claim():
    result = before_after([p(date(2018, 3, 1), 40)], JOINED)
    assert result.baseline is None and result.change is None
    assert result.words("people") == "40 people since joining (no baseline)"
    only_before = before_after([p(date(2017, 3, 1), 40)], JOINED)
    assert only_before.latest is None and only_before.words() == "No observation since joining"
    assert before_after([], JOINED) == BeforeAfter(None, None)


def test_without_a_join_date_the_first_value_is_the_baseline():
    result = before_after([p(date(2018, 1, 1), 2), p(date(2017, 1, 1), 1)], None)
    assert (result.baseline.value, result.latest.value) == (1, 2)
    single = before_after([p(date(2018, 1, 1), 2)], None)
    assert single.baseline.value == 2 and single.latest is None


def test_cohort_total_adds_only_innovators_with_both_points():
    rows = [
        before_after([p(JOINED, 0), p(date(2018, 9, 1), 3000)], JOINED),
        before_after([p(JOINED, 10), p(date(2018, 9, 1), 25, "estimate")], JOINED),
        before_after([p(date(2018, 9, 1), 999)], JOINED),  # no baseline: left out
        before_after([p(JOINED, 50)], JOINED),  # nothing since: left out
    ]
    total = cohort_total(rows)
    assert (total.innovators, total.baseline, total.latest, total.change) == (2, 10, 3025, 3015)
    assert total.estimated


def test_amounts_name_their_unit_or_currency():
    result = before_after([p(JOINED, 101000), p(date(2018, 9, 1), 202000)], JOINED)
    assert result.words("GBP") == "doubled (£101,000 to £202,000)"
    assert amount(Decimal(1), "cities") == "1 city"
    assert amount(Decimal(1), "young people") == "1 young person"
    assert amount(Decimal(1), "participants") == "1 participant"
    assert amount(Decimal(2), "cities") == "2 cities"
    assert amount(Decimal(5), "CHF") == "5 CHF"


def test_numbers_are_written_gov_uk_style():
    assert number(Decimal("15000.0000")) == "15,000"
    assert number(Decimal("1234.5000")) == "1,234.5"
    assert number(Decimal("0")) == "0"
