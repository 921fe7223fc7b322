"""The exact solver on pre-scored problems (no database)."""

import random

import pytest
from hypothesis import HealthCheck, given, settings

from partnerbase.matching import Pair, Problem, ProblemInnovator, ProblemPartner, solve

from .reference import big_m_flow, brute_force, shortfall_of, thousandths
from .strategies import problems

QUICK = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def received(solution, key):
    counts = {}
    for intro in solution.introductions:
        name = getattr(intro, key)
        counts[name] = counts.get(name, 0) + 1
    return counts


def assert_within_capacities(problem, solution):
    by_innovator, by_partner = received(solution, "innovator"), received(solution, "partner")
    for inn in problem.innovators:
        assert by_innovator.get(inn.id, 0) <= inn.capacity
    for par in problem.partners:
        assert by_partner.get(par.id, 0) <= par.capacity
    candidates = {(p.innovator, p.partner) for p in problem.pairs}
    chosen = [(i.innovator, i.partner) for i in solution.introductions]
    assert set(chosen) <= candidates
    assert len(set(chosen)) == len(chosen)


@QUICK
@given(problems())
def test_optimal_equals_brute_force_and_respects_capacities(problem):
    solution = solve(problem)
    assert_within_capacities(problem, solution)
    shortfall, total = brute_force(problem)
    assert solution.shortfall == shortfall == shortfall_of(problem, solution.introductions)
    assert thousandths(solution.objective) == total
    assert solution.objective == pytest.approx(sum(i.score for i in solution.introductions))
    assert solution.optimal is True and solution.mode == "optimal"
    assert solution.stable_cost is None


def random_problem(rng, n_i, n_p, density):
    innovators = [
        ProblemInnovator(f"i{n:02d}", rng.randint(0, 4), rng.randint(0, 3)) for n in range(n_i)
    ]
    partners = [ProblemPartner(f"p{n:02d}", rng.randint(0, 5)) for n in range(n_p)]
    pairs = [
        Pair(i.id, p.id, rng.choice([rng.randint(0, 100), round(rng.uniform(0, 100), 3)]))
        for i in innovators
        for p in partners
        if rng.random() < density
    ]
    return Problem(innovators, partners, pairs)


@pytest.mark.parametrize("seed", range(25))
def test_optimal_equals_an_independent_min_cost_flow_on_medium_instances(seed):
    rng = random.Random(seed)
    problem = random_problem(rng, rng.randint(5, 12), rng.randint(3, 8), rng.uniform(0.2, 0.8))
    solution = solve(problem)
    assert_within_capacities(problem, solution)
    assert (solution.shortfall, thousandths(solution.objective)) == big_m_flow(problem)


def test_shortfall_is_minimised_before_score():
    # The highest total (100) gives Acorn both of Bank's places and leaves Birch with none;
    # the engine must take less score so that every innovator gets its one introduction.
    problem = Problem(
        innovators=[ProblemInnovator("acorn", 1, 1), ProblemInnovator("birch", 1, 1)],
        partners=[ProblemPartner("bank", 1), ProblemPartner("mint", 1)],
        pairs=[Pair("acorn", "bank", 100), Pair("acorn", "mint", 1), Pair("birch", "bank", 50)],
    )
    solution = solve(problem)
    assert solution.shortfall == 0
    assert solution.objective == 51
    assert [(i.innovator, i.partner) for i in solution.introductions] == [
        ("acorn", "mint"),
        ("birch", "bank"),
    ]


def test_innovators_above_their_minimum_do_not_count_towards_the_shortfall():
    problem = Problem(
        innovators=[ProblemInnovator("a", 3, 1), ProblemInnovator("b", 2, 2)],
        partners=[ProblemPartner("p", 3), ProblemPartner("q", 1)],
        pairs=[Pair("a", "p", 90), Pair("a", "q", 90), Pair("b", "p", 10), Pair("b", "q", 10)],
    )
    solution = solve(problem)
    # b needs both partners for its minimum of 2; a then gets p as well.
    assert solution.shortfall == 0
    assert sorted((i.innovator, i.partner) for i in solution.introductions) == [
        ("a", "p"),
        ("b", "p"),
        ("b", "q"),
    ]


def test_shortfall_counts_minimums_that_capacity_or_pairs_cannot_meet():
    problem = Problem(
        innovators=[ProblemInnovator("a", 1, 3), ProblemInnovator("b", 2, 1)],
        partners=[ProblemPartner("p", 5)],
        pairs=[Pair("a", "p", 10)],
    )
    solution = solve(problem)
    assert solution.shortfall == 2 + 1
    assert solution.objective == 10


def test_empty_problem():
    solution = solve(Problem([ProblemInnovator("a", 2, 1)], [ProblemPartner("p", 1)], []))
    assert solution.introductions == ()
    assert (solution.objective, solution.shortfall, solution.optimal) == (0, 1, True)


def test_scores_are_rounded_to_thousandths_and_reported_rounded():
    problem = Problem(
        [ProblemInnovator("a", 1, 0)], [ProblemPartner("p", 1)], [Pair("a", "p", 12.34567)]
    )
    solution = solve(problem)
    assert solution.introductions[0].score == 12.346
    assert solution.objective == 12.346


@settings(max_examples=40, deadline=None)
@given(problems(max_innovators=5, max_partners=5, max_pairs=20))
def test_results_do_not_depend_on_the_order_of_the_input(problem):
    shuffled = Problem(
        list(reversed(problem.innovators)),
        list(reversed(problem.partners)),
        random.Random(len(problem.pairs)).sample(problem.pairs, len(problem.pairs)),
    )
    first = solve(problem)
    assert solve(shuffled) == first
    assert solve(problem) == first
    assert list(first.introductions) == sorted(first.introductions)


def test_unknown_mode_is_refused():
    with pytest.raises(ValueError, match="Unknown mode 'best'"):
        solve(Problem([], [], []), mode="best")


def test_as_dict_has_the_result_format():
    problem = Problem([ProblemInnovator("a", 1, 1)], [ProblemPartner("p", 1)], [Pair("a", "p", 5)])
    assert solve(problem).as_dict() == {
        "introductions": [{"innovator": "a", "partner": "p", "score": 5.0}],
        "objective": 5.0,
        "shortfall": 0,
        "optimal": True,
        "mode": "optimal",
    }
