"""Stable mode: no blocking pair, and the score it costs (no database)."""

from hypothesis import HealthCheck, given, settings

from partnerbase.matching import Pair, Problem, ProblemInnovator, ProblemPartner, solve

from .reference import best_total_within, brute_force, shortfall_of, thousandths
from .strategies import problems


def blocking_pairs(problem: Problem, solution) -> list[tuple[str, str]]:
    """Unchosen pairs whose innovator and partner would both rather have each other: each
    has a free place or holds a pair scoring strictly less."""
    chosen = {(i.innovator, i.partner) for i in solution.introductions}
    score = {(p.innovator, p.partner): thousandths(p.score) for p in problem.pairs}
    capacity = {i.id: i.capacity for i in problem.innovators}
    capacity |= {p.id: p.capacity for p in problem.partners}
    held = {name: [] for name in capacity}
    for i, p in chosen:
        held[i].append(score[(i, p)])
        held[p].append(score[(i, p)])

    def wants(name, value):
        return len(held[name]) < capacity[name] or min(held[name], default=value) < value

    return [
        (i, p)
        for (i, p), value in score.items()
        if (i, p) not in chosen and wants(i, value) and wants(p, value)
    ]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems())
def test_stable_mode_has_no_blocking_pair_and_reports_its_cost(problem):
    solution = solve(problem, mode="stable")
    assert blocking_pairs(problem, solution) == []
    assert solution.mode == "stable"
    assert solution.shortfall == shortfall_of(problem, solution.introductions)
    # The cost is measured against the best round with no larger shortfall.
    best = best_total_within(problem, solution.shortfall)
    assert thousandths(solution.stable_cost) == best - thousandths(solution.objective) >= 0
    assert solution.optimal == (
        (solution.shortfall, thousandths(solution.objective)) == brute_force(problem)
    )


@settings(max_examples=60, deadline=None)
@given(problems(max_innovators=8, max_partners=6, max_pairs=40))
def test_stable_mode_has_no_blocking_pair_on_larger_instances(problem):
    solution = solve(problem, mode="stable")
    assert blocking_pairs(problem, solution) == []
    assert solution.stable_cost >= 0


def test_the_optimum_can_be_unstable_and_stability_costs_score():
    # Optimal: a-q and b-p (90 + 90). But a and p both prefer each other (100) to what
    # they got: a blocking pair. The stable round is a-p alone (b and q share nothing else).
    problem = Problem(
        [ProblemInnovator("a", 1, 0), ProblemInnovator("b", 1, 0)],
        [ProblemPartner("p", 1), ProblemPartner("q", 1)],
        [Pair("a", "p", 100), Pair("a", "q", 90), Pair("b", "p", 90)],
    )
    optimal = solve(problem)
    assert optimal.objective == 180
    assert blocking_pairs(problem, optimal) == [("a", "p")]
    stable = solve(problem, mode="stable")
    assert [(i.innovator, i.partner) for i in stable.introductions] == [("a", "p")]
    assert (stable.objective, stable.stable_cost, stable.optimal) == (100, 80, False)
