#!/usr/bin/env python
"""Time the brokering engine on a large round and check that its optimum is exact.

    taskset -c 0 .venv/bin/python benchmarks/brokering.py [--innovators 10000]
        [--partners 2000] [--seed 2017] [--no-check]

Generates a seeded round (innovators with needs, partners with offers, typed, regioned and
challenged so that about 500,000 candidate pairs result at the default size) and times:

- "end to end": `matching.propose` (scoring, optimisation, reasons) in optimal mode;
- "scoring": the candidate pairs and their scores alone;
- "solver alone": `matching.solve` on the same pairs, pre-scored, as the solver command does;
- "stable": `matching.propose` in stable mode.

Then (unless --no-check) it solves the same pre-scored round as two linear programmes with
GLOP, a simplex solver independent of the flow algorithms, and checks that the shortfall and
the objective are the same. The bipartite constraints are totally unimodular, so the linear
programmes have integral optima: equal values prove the flow solution optimal. Exits with
status 1 if a check fails. See docs/algorithms/brokering.md.
"""

import argparse
import random
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from partnerbase.matching import (  # noqa: E402
    InnovatorIn,
    Need,
    Offer,
    PartnerIn,
    Problem,
    ProblemInnovator,
    ProblemPartner,
    propose,
    solve,
)
from partnerbase.matching.problem import SCALE, Pair, scaled  # noqa: E402
from partnerbase.matching.propose import DEFAULT_WEIGHTS  # noqa: E402
from partnerbase.matching.scoring import Compiler, candidates, points  # noqa: E402

TYPES = [  # (label, share of needs, share of offers)
    ("Funding", 30, 20),
    ("Mentoring or expertise", 25, 30),
    ("Distribution to customers", 10, 10),
    ("Skills and volunteering", 10, 15),
    ("Employment pathways", 8, 8),
    ("Procurement", 8, 7),
    ("Premises", 5, 6),
    ("Other", 4, 4),
]
REGIONS = [
    "London", "South East", "South West", "East of England", "West Midlands",
    "East Midlands", "North West", "North East", "Yorkshire and the Humber",
    "Scotland", "Wales", "Northern Ireland",
]  # fmt: skip
CHALLENGES = [
    "Financial inclusion", "Employability", "Health and wellbeing", "Education",
    "Climate and environment", "Housing", "Digital inclusion", "Ageing",
    "Young people", "Food poverty",
]  # fmt: skip
VOCABULARY = (
    "debt advice money savings credit budgeting tenants housing mentoring coaching skills "
    "training jobs employment apprenticeships young people schools digital online app data "
    "platform community local volunteers charity social enterprise growth scale investment "
    "grant loan customers retail distribution supply chain procurement premises office space "
    "health care wellbeing mental older carers food energy climate homes families pilot "
    "research evaluation impact marketing legal finance technology banking insurance pensions"
).split()


def generate(seed: int, n_innovators: int, n_partners: int):
    rng = random.Random(seed)
    labels = [t[0] for t in TYPES]

    def text():
        return " ".join(rng.sample(VOCABULARY, rng.randint(6, 12)))

    innovators = []
    for n in range(n_innovators):
        home = rng.choice(REGIONS)
        challenge = rng.choice(CHALLENGES)
        needs = []
        for k in range(rng.choice([1, 2, 2, 3])):
            kind = rng.choices(labels, weights=[t[1] for t in TYPES])[0]
            regions = frozenset(["UK"] if rng.random() < 0.03 else [home])
            challenges = frozenset([] if rng.random() < 0.1 else [challenge])
            amount = Decimal(rng.randrange(5, 200) * 1000) if kind == "Funding" else None
            needs.append(Need(f"n{n}-{k}", kind, regions, challenges, amount, text()))
        capacity = rng.choice([2, 3, 3, 4])
        innovators.append(InnovatorIn(f"i{n:05d}", f"Innovator {n}", capacity, 1, tuple(needs)))
    partners = []
    for n in range(n_partners):
        offers = []
        for k in range(rng.choice([1, 1, 1, 2, 3])):
            kind = rng.choices(labels, weights=[t[2] for t in TYPES])[0]
            national = rng.random() < 0.03
            regions = frozenset(["UK"] if national else rng.sample(REGIONS, rng.randint(1, 2)))
            challenges = frozenset(
                rng.sample(CHALLENGES, rng.choices([0, 1, 2], weights=[1, 7, 3])[0])
            )
            budget = Decimal(rng.randrange(10, 500) * 1000) if kind == "Funding" else None
            offers.append(Offer(f"o{n}-{k}", kind, regions, challenges, budget, text()))
        preferred = frozenset(rng.sample(CHALLENGES, 1)) if rng.random() < 0.3 else frozenset()
        partners.append(
            PartnerIn(
                f"p{n:04d}",
                f"Partner {n}",
                rng.randint(3, 25),
                tuple(offers),
                preferred_challenges=preferred,
            )
        )
    return innovators, partners


def timed(function, *args, **kwargs):
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - start


def scoring(innovators, partners):
    return candidates(innovators, partners, Compiler(), points(DEFAULT_WEIGHTS), set(), None)


def pre_scored(innovators, partners, found) -> Problem:
    """The round's candidate pairs with their scores, as the solver command reads them."""
    return Problem(
        innovators=[ProblemInnovator(i.id, i.capacity, i.min_introductions) for i in innovators],
        partners=[ProblemPartner(p.id, p.capacity) for p in partners],
        pairs=[
            Pair(innovators[i].id, partners[p].id, round(s, 3))
            for i, p, s in zip(found.innovator, found.partner, found.score, strict=True)
        ],
    )


def linear_programmes(problem: Problem) -> tuple[float, float]:
    """(shortfall, objective) of the round from two linear programmes solved by GLOP.

    x_e in [0, 1] per pair, y_i in [0, min(minimum, capacity)] the filled minimum slots,
    y_i <= sum of x_e at innovator i, capacities as rows. First maximise sum y; then fix
    sum y at that value and maximise the total score (in thousandths, as the engine does)."""
    from ortools.linear_solver import pywraplp

    def build():
        solver = pywraplp.Solver.CreateSolver("GLOP")
        x = [solver.NumVar(0, 1, "") for _ in problem.pairs]
        by_innovator = {i.id: [] for i in problem.innovators}
        by_partner = {p.id: [] for p in problem.partners}
        for var, pair in zip(x, problem.pairs, strict=True):
            by_innovator[pair.innovator].append(var)
            by_partner[pair.partner].append(var)
        y = []
        for inn in problem.innovators:
            y.append(solver.NumVar(0, min(inn.min_introductions, inn.capacity), ""))
            received = solver.Sum(by_innovator[inn.id])
            solver.Add(received <= inn.capacity)
            solver.Add(y[-1] <= received)
        for par in problem.partners:
            solver.Add(solver.Sum(by_partner[par.id]) <= par.capacity)
        return solver, x, y

    solver, x, y = build()
    solver.Maximize(solver.Sum(y))
    if solver.Solve() != pywraplp.Solver.OPTIMAL:
        raise RuntimeError("GLOP failed on the first linear programme")
    filled = round(solver.Objective().Value())
    solver, x, y = build()
    solver.Add(solver.Sum(y) >= filled)
    objective = solver.Objective()
    for var, pair in zip(x, problem.pairs, strict=True):
        objective.SetCoefficient(var, scaled(pair.score))
    objective.SetMaximization()
    if solver.Solve() != pywraplp.Solver.OPTIMAL:
        raise RuntimeError("GLOP failed on the second linear programme")
    minimum = sum(i.min_introductions for i in problem.innovators)
    return minimum - filled, objective.Value() / SCALE


def check_feasible(proposal, innovators, partners) -> list[str]:
    problems = []
    cap_i = {i.id: i.capacity for i in innovators}
    cap_p = {p.id: p.capacity for p in partners}
    pairs = [(i.innovator, i.partner) for i in proposal.introductions]
    if len(set(pairs)) != len(pairs):
        problems.append("a pair is proposed twice")
    for who, caps in ((0, cap_i), (1, cap_p)):
        for name, cap in caps.items():
            if sum(1 for pair in pairs if pair[who] == name) > cap:
                problems.append(f"{name} is over its capacity")
    return problems


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--innovators", type=int, default=10_000)
    parser.add_argument("--partners", type=int, default=2_000)
    parser.add_argument("--seed", type=int, default=2017)
    parser.add_argument("--no-check", action="store_true", help="skip the linear programmes")
    args = parser.parse_args(argv)

    (innovators, partners), made = timed(generate, args.seed, args.innovators, args.partners)
    needs = sum(len(i.needs) for i in innovators)
    offers = sum(len(p.offers) for p in partners)
    print(
        f"Round: {len(innovators):,} innovators ({needs:,} needs), {len(partners):,} partners "
        f"({offers:,} offers), generated in {made:.1f} s (not counted)"
    )
    # Warm up the imports (numpy, ortools) outside the timings, as a running server would.
    propose(innovators[:20], partners[:20])
    found, scoring_time = timed(scoring, innovators, partners)
    problem = pre_scored(innovators, partners, found)
    print(f"Candidate pairs: {len(problem.pairs):,}")
    optimal, end_to_end = timed(propose, innovators, partners)
    solution, solver_alone = timed(solve, problem)
    stable, stable_time = timed(propose, innovators, partners, mode="stable")
    rows = [
        ("end to end (optimal)", end_to_end, optimal),
        ("scoring alone", scoring_time, None),
        ("solver alone", solver_alone, solution),
        ("end to end (stable)", stable_time, stable),
    ]
    failures = check_feasible(optimal, innovators, partners)
    failures += [f"stable: {f}" for f in check_feasible(stable, innovators, partners)]
    if solution.objective != optimal.objective or solution.shortfall != optimal.shortfall:
        failures.append("the solver alone and end to end disagree")
    print()
    print(f"{'step':<22} {'seconds':>8} {'introductions':>14} {'objective':>14} {'shortfall':>10}")
    for name, seconds, result in rows:
        if result is None:
            print(f"{name:<22} {seconds:>8.3f}")
            continue
        print(
            f"{name:<22} {seconds:>8.3f} {len(result.introductions):>14,} "
            f"{result.objective:>14,.3f} {result.shortfall:>10,}"
        )
    print(f"\nStable mode gives up {stable.stable_cost:,.3f} points of score for stability.")
    if not args.no_check:
        (lp_shortfall, lp_objective), lp_time = timed(linear_programmes, problem)
        exact = lp_shortfall == optimal.shortfall and abs(lp_objective - optimal.objective) < 5e-4
        print(
            f"Exact optimum by linear programming (GLOP, {lp_time:.0f} s): shortfall "
            f"{lp_shortfall:,}, objective {lp_objective:,.3f}: "
            + ("equal" if exact else "DIFFERENT")
        )
        if not exact:
            failures.append("the objective is not the linear programme's optimum")
    if end_to_end > 3:
        print(f"Note: end to end took {end_to_end:.2f} s, above the 3 s goal.")
    for failure in failures:
        print(f"FAILED: {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
