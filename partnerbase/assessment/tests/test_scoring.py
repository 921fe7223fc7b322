"""The ranking on the hand-worked example of docs/algorithms/assessment.md.

Rubric: Impact (weight 3, 0-10) and Fit (weight 1, 0-10); a total is
(3 x 10 x impact + 1 x 10 x fit) / 4 on the 0-100 scale.

    assessor  application  impact  fit  total
    Ann       P              8      0    (240 + 0) / 4 = 60
    Ann       Q              4      4    (120 + 40) / 4 = 40
    Ben       P             10      6    (300 + 60) / 4 = 90
    Ben       R              6     10    (180 + 100) / 4 = 70
    Cal       Q              8      8    80
    Cal       R             10     10    100
    Dee       Q              5      5    50

Means and (population) standard deviations per assessor: Ann 50 and 10, Ben 80 and 10,
Cal 90 and 10; Dee scored one application, so her z-score is 0.
    z: Ann P +1, Ann Q -1, Ben P +1, Ben R -1, Cal Q -1, Cal R +1, Dee Q 0.

    application  raw mean               normalised mean          range
    P            (60 + 90) / 2 = 75     (1 + 1) / 2 = 1          30
    Q            (40 + 80 + 50) / 3     (-1 - 1 + 0) / 3 = -2/3  40  -> flagged above 35
                 = 56 2/3
    R            (70 + 100) / 2 = 85    (-1 + 1) / 2 = 0         30
    S            not scored

Raw ranking: R 85, P 75, Q 56.67, S unranked. Normalised: P 1, R 0, Q -0.67: R was
scored by the two most generous assessors, so it drops below P.
"""

from fractions import Fraction

import pytest

from partnerbase.assessment.scoring import Criterion, IncompleteScores, Sheet, rank, z_scores

CRITERIA = [Criterion("impact", 3, 0, 10), Criterion("fit", 1, 0, 10)]
SHEETS = [
    Sheet("Ann", "P", {"impact": 8, "fit": 0}),
    Sheet("Ann", "Q", {"impact": 4, "fit": 4}),
    Sheet("Ben", "P", {"impact": 10, "fit": 6}),
    Sheet("Ben", "R", {"impact": 6, "fit": 10}),
    Sheet("Cal", "Q", {"impact": 8, "fit": 8}),
    Sheet("Cal", "R", {"impact": 10, "fit": 10}),
    Sheet("Dee", "Q", {"impact": 5, "fit": 5}),
]


def _by_app(rows):
    return {r.application: r for r in rows}


def test_raw_scores_and_ranking_of_the_worked_example():
    rows = rank(CRITERIA, SHEETS, ["P", "Q", "R", "S"], threshold=35)

    assert [(r.application, r.rank) for r in rows] == [("R", 1), ("P", 2), ("Q", 3), ("S", None)]
    by = _by_app(rows)
    assert by["P"].totals == {"Ann": 60, "Ben": 90}
    assert by["P"].raw == 75
    assert by["Q"].raw == Fraction(170, 3)
    assert by["R"].raw == 85
    assert by["S"].raw is None and by["S"].assessors == 0


def test_normalised_ranking_of_the_worked_example():
    rows = rank(CRITERIA, SHEETS, ["P", "Q", "R", "S"], normalised=True, threshold=35)

    assert [(r.application, r.rank) for r in rows] == [("P", 1), ("R", 2), ("Q", 3), ("S", None)]
    by = _by_app(rows)
    assert by["P"].normalised == pytest.approx(1)
    assert by["R"].normalised == pytest.approx(0)
    assert by["Q"].normalised == pytest.approx(-2 / 3)


def test_z_scores_per_assessor_and_the_single_application_rule():
    from partnerbase.assessment.scoring import totals

    zs = z_scores(totals(CRITERIA, SHEETS))

    assert zs[("Ann", "P")] == pytest.approx(1) and zs[("Ann", "Q")] == pytest.approx(-1)
    assert zs[("Cal", "Q")] == pytest.approx(-1) and zs[("Cal", "R")] == pytest.approx(1)
    assert zs[("Dee", "Q")] == 0


def test_an_assessor_with_no_spread_counts_as_average():
    zs = z_scores({("Eve", "P"): Fraction(70), ("Eve", "R"): Fraction(70)})

    assert zs == {("Eve", "P"): 0.0, ("Eve", "R"): 0.0}


def test_disagreement_above_the_threshold_is_flagged():
    rows = _by_app(rank(CRITERIA, SHEETS, ["P", "Q", "R"], threshold=35))

    assert rows["Q"].spread == 40 and rows["Q"].flagged
    assert rows["P"].spread == 30 and not rows["P"].flagged
    # At 30 exactly nothing more is flagged: the range must be above the threshold.
    assert not _by_app(rank(CRITERIA, SHEETS, ["P"], threshold=30))["P"].flagged
    assert _by_app(rank(CRITERIA, SHEETS, ["P"], threshold=29))["P"].flagged


def test_one_assessor_is_never_a_disagreement():
    rows = rank(CRITERIA, [SHEETS[0]], ["P"], threshold=0)

    assert rows[0].spread is None and not rows[0].flagged


def test_equal_scores_share_a_rank():
    sheets = [
        Sheet("Ann", "P", {"impact": 5, "fit": 5}),
        Sheet("Ann", "Q", {"impact": 5, "fit": 5}),
        Sheet("Ann", "R", {"impact": 1, "fit": 1}),
    ]

    rows = rank(CRITERIA, sheets, ["P", "Q", "R"])

    assert [r.rank for r in rows] == [1, 1, 3]


def test_an_incomplete_sheet_is_refused():
    with pytest.raises(IncompleteScores):
        rank(CRITERIA, [Sheet("Ann", "P", {"impact": 5})], ["P"])
