"""Automatic assignment: N assessors each, no conflicts, loads as even as possible."""

import itertools
import random

import pytest

from partnerbase.assessment.assign import plan_assignments


def _counts(plan, existing=()):
    got = {}
    for a, _ in [*existing, *plan.new]:
        got[a] = got.get(a, 0) + 1
    return got


def test_every_application_gets_n_and_loads_differ_by_at_most_one():
    apps = [f"a{i}" for i in range(10)]
    assessors = ["r1", "r2", "r3", "r4"]

    plan = plan_assignments(apps, assessors, 3, lambda a, r: True)

    assert _counts(plan) == {a: 3 for a in apps}
    assert len(set(plan.new)) == 30  # no assessor twice on one application
    assert sorted(plan.loads.values()) == [7, 7, 8, 8]
    assert plan.short == {}


def test_conflicts_are_respected_and_loads_still_balance():
    apps = ["a1", "a2", "a3", "a4"]
    assessors = ["r1", "r2", "r3"]
    conflicts = {("a1", "r1"), ("a2", "r1")}

    plan = plan_assignments(apps, assessors, 2, lambda a, r: (a, r) not in conflicts)

    assert not set(plan.new) & conflicts
    assert _counts(plan) == {a: 2 for a in apps}
    # r1 can only take a3 and a4, so 2, 3, 3 is the most even split of 8.
    assert sorted(plan.loads.values()) == [2, 3, 3]


def test_existing_assignments_are_kept_and_counted():
    existing = [("a1", "r1"), ("a2", "r1")]

    plan = plan_assignments(["a1", "a2"], ["r1", "r2"], 2, lambda a, r: True, existing)

    assert sorted(plan.new) == [("a1", "r2"), ("a2", "r2")]
    assert plan.loads == {"r1": 2, "r2": 2}


def test_an_infeasible_application_is_reported():
    # a2 conflicts with both assessors but one: it can get only one of the two it needs.
    plan = plan_assignments(
        ["a1", "a2"], ["r1", "r2", "r3"], 2, lambda a, r: not (a == "a2" and r != "r3")
    )

    assert plan.short == {"a2": 1}
    assert _counts(plan) == {"a1": 2, "a2": 1}


def test_more_assessors_needed_than_exist():
    plan = plan_assignments(["a1"], ["r1", "r2"], 3, lambda a, r: True)

    assert plan.short == {"a1": 1}
    assert len(plan.new) == 2


def test_nothing_to_do():
    plan = plan_assignments(["a1"], ["r1"], 1, lambda a, r: True, [("a1", "r1")])

    assert plan.new == [] and plan.short == {} and plan.loads == {"r1": 1}


def test_n_must_be_positive():
    with pytest.raises(ValueError):
        plan_assignments(["a1"], ["r1"], 0, lambda a, r: True)


def _brute_force(apps, assessors, n, allowed):
    """(most places filled, least max load, greatest min load) over every assignment."""
    options = [
        [
            c
            for k in range(n, -1, -1)
            for c in itertools.combinations([r for r in assessors if allowed(a, r)], k)
        ]
        for a in apps
    ]
    best = None
    for choice in itertools.product(*options):
        loads = {r: 0 for r in assessors}
        for group in choice:
            for r in group:
                loads[r] += 1
        filled = sum(len(g) for g in choice)
        key = (filled, -max(loads.values()), min(loads.values()))
        best = key if best is None else max(best, key)
    return best


def test_matches_brute_force_on_small_random_cases():
    rng = random.Random(4)
    for _ in range(40):
        apps = [f"a{i}" for i in range(rng.randint(1, 4))]
        assessors = [f"r{j}" for j in range(rng.randint(1, 4))]
        n = rng.randint(1, 3)
        banned = {(a, r) for a in apps for r in assessors if rng.random() < 0.3}

        def allowed(a, r, banned=banned):
            return (a, r) not in banned

        plan = plan_assignments(apps, assessors, n, allowed)
        filled, neg_max, best_min = _brute_force(apps, assessors, n, allowed)

        assert len(plan.new) == filled
        assert not set(plan.new) & banned
        # The least maximum load and the greatest minimum load possible, both at once.
        assert max(plan.loads.values()) == -neg_max
        assert min(plan.loads.values()) == best_min
