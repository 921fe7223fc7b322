"""The paragraph writer: pure Python, plain data in, a paragraph out."""

import subprocess
import sys
from datetime import date
from decimal import Decimal

import pytest

from partnerbase.outcomes.change import BeforeAfter, Point
from partnerbase.stories.writing import (
    Award,
    Money,
    Outcome,
    article,
    award_words,
    join_words,
    outcome_words,
    paragraph,
)

GBP = Money("GBP")
GBP_USD = Money("GBP", (("USD", Decimal("1.3167")),))
JOINED, LATER = date(2018, 2, 1), date(2018, 9, 30)


def change(before, after, quality="verified", before_quality="estimate") -> BeforeAfter:
    baseline = None if before is None else Point(JOINED, Decimal(before), before_quality)
    latest = None if after is None else Point(LATER, Decimal(after), quality)
    return BeforeAfter(baseline, latest)


def test_the_writer_imports_no_django():
    code = "import sys, partnerbase.stories.writing; print('django' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr


def test_an_innovator_with_no_records_says_so():
    assert paragraph(name="Toolshed", money=GBP) == (
        "Toolshed has no funding, partnerships or outcomes recorded yet."
    )


def test_one_grant_in_the_reference_currency_alone():
    award = Award("Barclays", "grant", Decimal("25000"), "GBP")
    assert paragraph(name="Toolshed", awards=[award], money=GBP) == (
        "Toolshed received a £25,000 grant from Barclays."
    )


def test_display_currencies_stand_beside_the_reference_currency():
    award = Award("Barclays", "grant", Decimal("25000"), "GBP")
    assert award_words(award, GBP_USD) == "a £25,000 ($32,918) grant from Barclays"
    two = Money("GBP", (("USD", Decimal("1.3167")), ("EUR", Decimal("1.12"))))
    assert award_words(award, two) == "a £25,000 ($32,918, €28,000) grant from Barclays"


def test_a_loan_through_an_intermediary_names_both_and_the_total_adds_up():
    awards = [
        Award("Barclays", "grant", Decimal("25000"), "GBP"),
        Award("Big Society Capital", "social_loan", Decimal("80500"), "GBP", intermediary="UnLtd"),
    ]
    assert paragraph(name="Toolshed", awards=awards, money=GBP_USD) == (
        "Toolshed received a £25,000 ($32,918) grant from Barclays and an £80,500 ($105,994) "
        "social loan from Big Society Capital through UnLtd: £105,500 ($138,912) in all."
    )


def test_an_intermediary_that_is_the_funder_is_not_named_twice():
    award = Award("UnLtd", "social_loan", Decimal("80500"), "GBP", intermediary="UnLtd")
    assert award_words(award, GBP) == "an £80,500 social loan from UnLtd"


def test_an_award_without_a_rate_keeps_its_own_currency_and_no_total_is_made():
    awards = [
        Award("Atlas", "grant", Decimal("40000"), "USD"),
        Award("Barclays", "grant", Decimal("25000"), "GBP"),
    ]
    text = paragraph(name="Pocket Budget", awards=awards, money=GBP_USD)
    assert text == (
        "Pocket Budget received a $40,000 grant from Atlas and a £25,000 ($32,918) grant "
        "from Barclays."
    )


@pytest.mark.parametrize(
    ("instrument", "words"),
    [
        ("equity", "a £38,000 equity investment from Brightwater"),
        ("prize", "a £38,000 prize from Brightwater"),
        ("match_funding", "£38,000 match funding from Brightwater"),
        ("in_kind", "in-kind support worth £38,000 from Brightwater"),
    ],
)
def test_each_instrument_in_words(instrument, words):
    assert award_words(Award("Brightwater", instrument, Decimal("38000"), "GBP"), GBP) == words


def test_in_kind_support_is_not_added_to_the_cash_total():
    awards = [
        Award("O2", "in_kind", Decimal("8000"), "GBP"),
        Award("Barclays", "grant", Decimal("25000"), "GBP"),
    ]
    assert "in all" not in paragraph(name="Calm Rota", awards=awards, money=GBP)


@pytest.mark.parametrize(
    ("money", "expected"),
    [
        ("£80,500", "an"),
        ("£8,000", "an"),
        ("£18,000", "an"),
        ("£11,500", "an"),
        ("£800", "an"),
        ("£8 million", "an"),
        ("£25,000", "a"),
        ("£1,800", "a"),
        ("£110,000", "a"),
        ("£3 million", "a"),
    ],
)
def test_the_article_follows_how_the_amount_is_read(money, expected):
    assert article(money) == expected


def test_partners_are_named_once_each_in_order():
    text = paragraph(
        name="Money A+E",
        partners=["Grant Thornton", "Money Advice Service", "Grant Thornton", "WhatsApp"],
        money=GBP,
    )
    assert text == (
        "Money A+E works in partnership with Grant Thornton, Money Advice Service and WhatsApp."
    )
    assert join_words(["A"]) == "A" and join_words(["A", "B"]) == "A and B"


@pytest.mark.parametrize(
    ("outcome", "words"),
    [
        (
            Outcome("Participants served", "participants", change(120, 360, "estimate")),
            "participants served trebled from 120 to 360 participants, another 240 "
            "participants (estimate)",
        ),
        (
            Outcome("Cities operating in", "cities", change(1, 2)),
            "the number of cities operating in doubled from 1 to 2 cities, another city (verified)",
        ),
        (
            Outcome("Young people into work", "young people", change(0, 3000)),
            "young people into work rose from none to 3,000 young people (verified)",
        ),
        (
            Outcome("People reached", "people", change(5000, 20000, "estimate")),
            "people reached quadrupled from 5,000 to 20,000 people, another 15,000 people "
            "(estimate)",
        ),
        (
            Outcome("Revenue", "GBP", change(100000, 125000, "estimate")),
            "revenue rose by 25% from £100,000 to £125,000, another £25,000 (estimate)",
        ),
        (
            Outcome("People reached", "people", change(400, 300)),
            "people reached fell by 25% from 400 to 300 people (verified)",
        ),
        (
            Outcome("People reached", "people", change(300, 300)),
            "people reached held at 300 people (verified)",
        ),
        (
            Outcome("People reached", "people", change(None, 300, "estimate")),
            "people reached stood at 300 people, with no value at joining (estimate)",
        ),
    ],
)
def test_each_outcome_in_words_marked_estimate_or_verified(outcome, words):
    assert outcome_words(outcome) == words


@pytest.mark.parametrize(
    ("before", "after", "verb"),
    [
        (1, 2, "doubled from 1 to 2 cities"),
        (1, 3, "trebled from 1 to 3 cities"),
        (1, 4, "quadrupled from 1 to 4 cities"),
        (4, 5, "rose by 25% from 4 to 5 cities"),
        (4, 3, "fell by 25% from 4 to 3 cities"),
        (0, 2, "rose from none to 2 cities"),
        (2, 2, "held at 2 cities"),
        (None, 2, "stood at 2 cities"),
    ],
)
def test_a_name_ending_in_a_preposition_is_never_followed_by_the_verb(before, after, verb):
    # "cities operating in doubled" was printed in the demo's report.
    words = outcome_words(Outcome("Cities operating in", "cities", change(before, after)))
    assert words.startswith(f"the number of cities operating in {verb}")
    assert not words.startswith("cities operating in")
    # A name that is a subject already is left as it is.
    plain = outcome_words(Outcome("People reached", "people", change(before, after)))
    assert plain.startswith("people reached ")


def test_the_mark_is_the_latest_observations_even_after_an_estimated_baseline():
    # The baseline at joining is often an estimate; the claim rests on the latest value.
    verified = Outcome("People reached", "people", change(10, 20, "verified", "estimate"))
    estimated = Outcome("People reached", "people", change(10, 20, "estimate", "verified"))
    assert outcome_words(verified).endswith("(verified)")
    assert outcome_words(estimated).endswith("(estimate)")


def test_an_outcome_not_observed_since_joining_is_left_out():
    nothing = Outcome("People reached", "people", change(300, None))
    assert outcome_words(nothing) is None
    assert paragraph(name="Peer Lines", outcomes=[nothing], money=GBP) == (
        "Peer Lines has no funding, partnerships or outcomes recorded yet."
    )


def test_funding_partners_and_outcomes_make_one_paragraph():
    text = paragraph(
        name="MyKindaFuture",
        awards=[Award("Riverside Community Foundation", "grant", Decimal("60000"), "GBP")],
        partners=["Marks & Spencer"],
        outcomes=[Outcome("Young people into work", "young people", change(0, 3000))],
        money=GBP_USD,
    )
    assert text == (
        "MyKindaFuture received a £60,000 ($79,002) grant from Riverside Community Foundation. "
        "It works in partnership with Marks & Spencer. Since joining the cohort, young people "
        "into work rose from none to 3,000 young people (verified)."
    )


def test_without_funding_the_partners_sentence_names_the_innovator():
    text = paragraph(
        name="Fair Finance",
        partners=["Barclays"],
        outcomes=[Outcome("People reached", "people", change(100, 200, "estimate"))],
        money=GBP,
    )
    assert text.startswith("Fair Finance works in partnership with Barclays. Since joining")
