"""Automatic assignment of assessors to applications. Pure Python: no Django.

Each application should get `per_application` different assessors, never one with a
conflict of interest, keeping the assignments it already has; assessors' loads (existing
plus new) as even as the conflicts allow. Solved exactly as one minimum-cost flow with
Google OR-Tools (docs/algorithms/assessment.md):

    source -> application   capacity: places still open (N less those already assigned)
    application -> assessor capacity 1, for every allowed pair not already assigned
    assessor -> sink        one arc per extra unit of load; the j-th new unit of an assessor
                            with e existing costs 2(e+j)-1, the growth of (e+j)^2
    source -> sink          a bypass for places nobody can fill, at a cost M above any path

The bypass cost makes the flow fill as many places as possible first. Among those, the
flow minimises the sum of squared loads; the loads of the flows filling the most places
are the bases of a polymatroid, where the least sum of squares is also the least maximum
and the greatest minimum load (Frank and Murota, "discrete decreasing minimization"). So
if loads differing by at most one are possible, this finds them.
"""

from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Plan:
    new: list[tuple[Hashable, Hashable]]  # (application, assessor) pairs to add
    loads: dict[Hashable, int]  # each assessor's load afterwards, existing included
    short: dict[Hashable, int] = field(default_factory=dict)  # application -> places unfilled

    @property
    def spread(self) -> int:
        return max(self.loads.values()) - min(self.loads.values()) if self.loads else 0


def plan_assignments(
    applications: Sequence[Hashable],
    assessors: Sequence[Hashable],
    per_application: int,
    allowed: Callable[[Hashable, Hashable], bool],
    existing: Iterable[tuple[Hashable, Hashable]] = (),
) -> Plan:
    """`allowed(application, assessor)` is False for a conflict of interest; `existing`
    holds pairs already assigned (kept, and counted in both the places and the loads)."""
    if per_application < 1:
        raise ValueError("Each application needs at least one assessor.")
    existing = {(a, r) for a, r in existing}
    have = {a: 0 for a in applications}
    load = {r: 0 for r in assessors}
    for a, r in existing:
        if a in have:
            have[a] += 1
        if r in load:
            load[r] += 1
    need = {a: max(0, per_application - have[a]) for a in applications}
    total = sum(need.values())
    if total == 0 or not assessors:
        return Plan([], dict(load), {a: n for a, n in need.items() if n})
    pairs = [
        (i, j)
        for i, a in enumerate(applications)
        if need[a]
        for j, r in enumerate(assessors)
        if (a, r) not in existing and allowed(a, r)
    ]
    chosen = _solve(applications, assessors, need, load, pairs, total)
    new = [(applications[i], assessors[j]) for i, j in chosen]
    for a, r in new:
        load[r] += 1
        need[a] -= 1
    return Plan(new, load, {a: n for a, n in need.items() if n})


def _solve(applications, assessors, need, load, pairs, total) -> list[tuple[int, int]]:
    # Imported here so importing the module (and Django's app loading) stays cheap.
    from ortools.graph.python import min_cost_flow

    n_a, n_r = len(applications), len(assessors)

    source, sink = n_a + n_r, n_a + n_r + 1
    solver = min_cost_flow.SimpleMinCostFlow()
    # Pair arcs first, so arc k is pairs[k].
    for i, j in pairs:
        solver.add_arc_with_capacity_and_unit_cost(i, n_a + j, 1, 0)
    for i, a in enumerate(applications):
        if need[a]:
            solver.add_arc_with_capacity_and_unit_cost(source, i, need[a], 0)
    eligible = [0] * n_r
    for _, j in pairs:
        eligible[j] += 1
    for j, r in enumerate(assessors):
        for unit in range(1, min(eligible[j], total) + 1):
            solver.add_arc_with_capacity_and_unit_cost(n_a + j, sink, 1, 2 * (load[r] + unit) - 1)
    # Above the cost of any augmenting path, which ends on one assessor -> sink arc.
    bypass = 2 * (max(load.values(), default=0) + total) + 2
    solver.add_arc_with_capacity_and_unit_cost(source, sink, total, bypass)
    solver.set_node_supply(source, total)
    solver.set_node_supply(sink, -total)
    status = solver.solve()
    if status != solver.OPTIMAL:
        raise RuntimeError(f"The minimum-cost-flow solver failed: {status}")
    return [pairs[k] for k in range(len(pairs)) if solver.flow(k)]
