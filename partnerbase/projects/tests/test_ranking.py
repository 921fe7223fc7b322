"""The ranking algorithm on its own: no database."""

from decimal import Decimal
from fractions import Fraction

import pytest

from partnerbase.projects.ranking import Criterion, IncompleteScores, judge_score, rank

A, B = Criterion("A", 2, 0, 10), Criterion("B", 1, 1, 5)


def test_the_worked_example_in_the_docstring():
    result = rank([A, B], {"entry": [{"A": 8, "B": 3}, {"A": 6, "B": 5}]})

    assert result[0].score == Fraction(215, 3)  # 71 2/3
    assert result[0].shown == Decimal("71.67")
    assert result[0].judges == 2 and result[0].rank == 1


def test_a_judge_score_scales_each_criterion_to_its_range_and_weights_it():
    assert judge_score([A, B], {"A": 10, "B": 5}) == 100
    assert judge_score([A, B], {"A": 0, "B": 1}) == 0
    # A at full marks carries twice B's weight.
    assert judge_score([A, B], {"A": 10, "B": 1}) == Fraction(200, 3)


def test_entries_rank_highest_first_ties_share_a_rank_and_unscored_come_last():
    sheets = {
        "low": [{"A": 2, "B": 2}],
        "tied-1": [{"A": 8, "B": 4}],
        "unscored": [],
        "tied-2": [{"A": 8, "B": 4}],
        "top": [{"A": 10, "B": 5}],
    }

    result = rank([A, B], sheets)

    assert [(r.entry, r.rank) for r in result] == [
        ("top", 1),
        ("tied-1", 2),
        ("tied-2", 2),
        ("low", 4),
        ("unscored", None),
    ]
    assert result[-1].score is None and result[-1].shown is None


@pytest.mark.parametrize("sheet", [{"A": 5}, {"A": 11, "B": 3}, {"A": 5, "B": 0}])
def test_a_missing_or_out_of_range_score_is_refused(sheet):
    with pytest.raises(IncompleteScores):
        judge_score([A, B], sheet)


def test_a_rubric_without_criteria_cannot_score():
    with pytest.raises(IncompleteScores):
        judge_score([], {})
