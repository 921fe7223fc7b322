"""The ranking every scored list shares (core/ranking.py)."""

from decimal import Decimal
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from partnerbase.core.ranking import competition_ranks, scaled, shown, weighted_mean


def test_equal_scores_share_a_rank_and_the_next_is_skipped():
    assert competition_ranks([90, 80, 80, 70], lambda s: s) == [1, 2, 2, 4]
    assert competition_ranks([5, 5, 5], lambda s: s) == [1, 1, 1]
    assert competition_ranks([], lambda s: s) == []


@given(st.lists(st.integers(0, 5)))
def test_a_rank_is_one_more_than_the_number_of_higher_scores(scores):
    best_first = sorted(scores, reverse=True)
    ranks = competition_ranks(best_first, lambda s: s)
    assert ranks == [1 + sum(1 for other in scores if other > s) for s in best_first]


def test_a_score_is_scaled_across_its_range_and_weighted():
    assert scaled(3, 1, 5) == 50
    assert scaled(8, 0, 10) == 80
    # DESIGN's competition example: A (weight 2) 8 of 0-10, B (weight 1) 3 of 1-5 -> 70.
    assert weighted_mean([(2, scaled(8, 0, 10)), (1, scaled(3, 1, 5))]) == 70


def test_shown_rounds_half_up_only_when_shown():
    assert shown(Fraction(215, 3), 2) == Decimal("71.67")
    assert shown(Fraction(1, 8), 2) == Decimal("0.13")
    assert shown(Fraction(220, 3), 1) == Decimal("73.3")
    assert shown(None, 1) is None
