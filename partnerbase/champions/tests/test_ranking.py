"""The champion ranking and the pipeline's moves on their own: no database."""

import ast
import inspect
from decimal import Decimal
from fractions import Fraction

import pytest

from partnerbase.champions import ranking, stages
from partnerbase.champions.ranking import (
    Candidate,
    Criterion,
    InvalidWeights,
    rank,
    shares,
    weighted_score,
)
from partnerbase.champions.stages import InvalidMove, Stage, check_move, next_stages

CRITERIA = [
    Criterion("employees", 3),
    Criterion("customers", 1),
    Criterion("reach", 1),
    Criterion("agenda", 1),
]
ALPHA = Candidate("a", "Alpha plc", {"employees": 4, "customers": 2, "reach": 5, "agenda": 3})
BETA = Candidate("b", "Beta Ltd", {"employees": 2, "customers": 5, "reach": 5, "agenda": 5})


def test_the_worked_example_in_the_docstring():
    result = rank(CRITERIA, [BETA, ALPHA])

    assert [(r.key, r.rank) for r in result] == [("a", 1), ("b", 2)]
    assert result[0].score == Fraction(220, 3)  # 73 1/3
    assert result[0].shown == Decimal("73.3")
    assert result[1].score == 70 and result[1].scored == 4


def test_changing_a_weight_re_ranks():
    lighter = [Criterion("employees", 1), *CRITERIA[1:]]

    result = rank(lighter, [ALPHA, BETA])

    assert [(r.key, r.score) for r in result] == [("b", 85), ("a", 70)]


def test_weights_are_normalised_so_only_their_proportions_matter():
    doubled = [Criterion(c.key, c.weight * 2) for c in CRITERIA]

    assert shares(CRITERIA) == shares(doubled)
    assert sum(shares(CRITERIA).values()) == 1
    assert shares(CRITERIA)["employees"] == Fraction(1, 2)
    assert weighted_score(doubled, ALPHA.scores) == weighted_score(CRITERIA, ALPHA.scores)


def test_full_marks_score_100_and_a_missing_score_counts_as_zero():
    full = {c.key: 5 for c in CRITERIA}
    assert weighted_score(CRITERIA, full) == 100
    assert weighted_score(CRITERIA, {"employees": 5}) == 50
    # A criterion weighted 0 does not count at all.
    assert weighted_score([Criterion("x", 0), Criterion("y", 2)], {"x": 5, "y": 0}) == 0


def test_ties_share_a_rank_in_name_order_and_unscored_come_last_by_name():
    same = {"employees": 3, "customers": 3, "reach": 3, "agenda": 3}
    candidates = [
        Candidate("z", "Zeta", {}),
        Candidate("t2", "beta trust", same),
        Candidate("low", "Low", {"employees": 1}),
        Candidate("t1", "Alpha trust", same),
        Candidate("y", "Ypsilon", {}),
        Candidate("top", "Top", {c.key: 5 for c in CRITERIA}),
    ]

    result = rank(CRITERIA, candidates)

    assert [(r.key, r.rank) for r in result] == [
        ("top", 1),
        ("t1", 2),
        ("t2", 2),
        ("low", 4),
        ("y", None),
        ("z", None),
    ]
    # The same whatever order they come in.
    assert rank(CRITERIA, reversed(candidates)) == result


@pytest.mark.parametrize("weights", [[0, 0], [-1, 2], [101, 1]])
def test_bad_weights_are_refused(weights):
    with pytest.raises(InvalidWeights):
        shares([Criterion(i, w) for i, w in enumerate(weights)])


def test_a_score_out_of_range_is_refused():
    with pytest.raises(ValueError):
        weighted_score(CRITERIA, {"employees": 6})


# --- the pipeline ------------------------------------------------------------------------


def test_the_forward_path_is_allowed():
    path = [Stage.LONG_LIST, Stage.TARGETED, Stage.MEETING_ARRANGED, Stage.MET, Stage.COMMITTED]
    for current, target in zip(path, path[1:], strict=False):
        assert check_move(current, target) == target


@pytest.mark.parametrize(
    "current, target",
    [
        (Stage.LONG_LIST, Stage.MET),
        (Stage.LONG_LIST, Stage.COMMITTED),
        (Stage.TARGETED, Stage.COMMITTED),
        (Stage.DECLINED, Stage.COMMITTED),
        (Stage.COMMITTED, Stage.DECLINED),
        (Stage.MET, Stage.MET),
    ],
)
def test_invalid_moves_are_refused_with_a_message(current, target):
    with pytest.raises(InvalidMove) as refused:
        check_move(current, target)
    assert str(refused.value)


def test_the_message_names_where_the_prospect_can_go():
    with pytest.raises(InvalidMove) as refused:
        check_move("long_list", "met")
    assert str(refused.value) == (
        "A prospect cannot move from “long list” to “met”; from here it can move to "
        "“targeted” or “declined”."
    )


def test_next_stages_are_in_pipeline_order():
    assert next_stages("meeting_arranged") == [Stage.TARGETED, Stage.MET, Stage.DECLINED]
    assert next_stages("committed") == []


@pytest.mark.parametrize("module", [ranking, stages])
def test_the_modules_import_no_django(module):
    tree = ast.parse(inspect.getsource(module))
    nodes = list(ast.walk(tree))
    names = [a.name for n in nodes if isinstance(n, ast.Import) for a in n.names]
    names += [n.module for n in nodes if isinstance(n, ast.ImportFrom)]
    # The one Partnerbase module they may use is the shared ranking, itself pure (the
    # import-linter contract "pure" checks the whole chain).
    names = [n for n in names if n != "partnerbase.core.ranking"]
    assert not [n for n in names if n and n.startswith(("django", "partnerbase"))]
