"""The exact optimisation of a round, on integer scores (see docs/algorithms/brokering.md).

Innovators are numbered 0..I-1, partners 0..P-1 and candidate pairs 0..E-1; a pair's
score is an integer (thousandths of a point). The lexicographic objective (first the
smallest shortfall, then the largest total score) is solved in two exact phases with
Google OR-Tools' integer network-flow solvers:

1. a maximum flow gives K, the most "minimum slots" that can be filled at once;
2. a minimum-cost flow maximises the total score among the rounds that fill at least K.

ortools (and numpy) are imported when a round is solved, so importing the engine is cheap.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

Progress = Callable[[str, float], None] | None


@dataclass(frozen=True)
class IndexedResult:
    chosen: list[int]  # pair numbers, ascending
    total: int  # sum of the chosen scores
    shortfall: int
    optimal: bool  # lowest possible shortfall and, with it, the highest total
    stable_cost: int | None  # stable mode: best total at that shortfall minus `total`


@dataclass(frozen=True)
class Round:
    """A round as arrays: capacities, minimums and the candidate pairs with their scores."""

    innovator_capacity: Sequence[int]
    innovator_minimum: Sequence[int]
    partner_capacity: Sequence[int]
    pair_innovator: Sequence[int]
    pair_partner: Sequence[int]
    pair_score: Sequence[int]

    def shortfall(self, chosen: Sequence[int]) -> int:
        received = [0] * len(self.innovator_capacity)
        for e in chosen:
            received[int(self.pair_innovator[e])] += 1
        return sum(max(0, m - r) for m, r in zip(self.innovator_minimum, received, strict=True))

    def slots(self) -> list[int]:
        """The "minimum slots" of each innovator: its minimum, but never above its capacity."""
        pairs = zip(self.innovator_minimum, self.innovator_capacity, strict=True)
        return [min(m, c) for m, c in pairs]


def solve_round(round: Round, mode: str = "optimal", progress: Progress = None) -> IndexedResult:
    if mode not in ("optimal", "stable"):
        raise ValueError(f"Unknown mode {mode!r}: use 'optimal' or 'stable'.")
    report = progress or (lambda stage, fraction: None)
    stage = "Finding the best round" if mode == "optimal" else "Finding a stable round"
    report(stage, 0.0)
    minimum_total = sum(round.innovator_minimum)
    if len(round.pair_score) == 0:  # a list, or a numpy array from a problem file
        report(stage, 1.0)
        return IndexedResult([], 0, minimum_total, True, 0 if mode == "stable" else None)
    arrays = _Arrays(round)
    best_filled = arrays.max_filled_slots()
    report(stage, 0.2)
    if mode == "optimal":
        chosen, total = arrays.best_total(best_filled)
        report(stage, 1.0)
        return IndexedResult(chosen, total, minimum_total - best_filled, True, None)
    chosen = stable_greedy(round, arrays)
    report(stage, 0.5)
    total = int(arrays.score[chosen].sum())
    shortfall = round.shortfall(chosen)
    # The best round that leaves no more innovators short than the stable one does.
    _, best = arrays.best_total(minimum_total - shortfall)
    report(stage, 1.0)
    optimal = shortfall == minimum_total - best_filled and best == total
    return IndexedResult(chosen, total, shortfall, optimal, best - total)


def stable_greedy(round: Round, arrays: "_Arrays") -> list[int]:
    """Pairs by score, highest first (ties: innovator, then partner), each taken if both
    sides still have room. Both sides rank pairs by the same score, so the result is stable:
    a pair left out was skipped because one side was full of pairs scoring at least as much."""
    import numpy as np

    left_i = list(round.innovator_capacity)
    left_p = list(round.partner_capacity)
    pi, pp = arrays.pi.tolist(), (arrays.pp - arrays.n_i).tolist()
    chosen = []
    for e in np.argsort(-arrays.score, kind="stable").tolist():
        i, p = pi[e], pp[e]
        if left_i[i] and left_p[p]:
            left_i[i] -= 1
            left_p[p] -= 1
            chosen.append(e)
    chosen.sort()
    return chosen


class _Arrays:
    """The round as numpy arrays, and the two flow networks built on them."""

    def __init__(self, round: Round):
        import numpy as np

        self.np = np
        self.round = round
        self.n_i = len(round.innovator_capacity)
        self.n_p = len(round.partner_capacity)
        self.pi = np.asarray(round.pair_innovator, dtype=np.int32)
        self.pp = np.asarray(round.pair_partner, dtype=np.int32) + self.n_i  # partner nodes
        self.score = np.asarray(round.pair_score, dtype=np.int64)
        self.cap_i = np.asarray(round.innovator_capacity, dtype=np.int64)
        self.cap_p = np.asarray(round.partner_capacity, dtype=np.int64)
        self.slots = np.asarray(round.slots(), dtype=np.int64)
        # Nodes: innovators, partners, then the source, the sink and the slots hub.
        self.source = self.n_i + self.n_p
        self.sink = self.source + 1
        self.hub = self.source + 2

    def max_filled_slots(self) -> int:
        """Phase 1: source -> innovator (its minimum slots) -> partner (1 per pair) -> sink
        (partner capacity). The maximum flow is the most slots any round can fill."""
        from ortools.graph.python import max_flow

        np = self.np
        solver = max_flow.SimpleMaxFlow()
        innovators = np.arange(self.n_i, dtype=np.int32)
        partners = np.arange(self.n_i, self.n_i + self.n_p, dtype=np.int32)
        solver.add_arcs_with_capacity(
            np.concatenate([np.full(self.n_i, self.source, np.int32), self.pi, partners]),
            np.concatenate([innovators, self.pp, np.full(self.n_p, self.sink, np.int32)]),
            np.concatenate([self.slots, np.ones(len(self.pi), np.int64), self.cap_p]),
        )
        status = solver.solve(self.source, self.sink)
        if status != max_flow.SimpleMaxFlow.OPTIMAL:
            raise RuntimeError(f"The maximum-flow solver failed: {status}")
        return int(solver.optimal_flow())

    def best_total(self, filled: int) -> tuple[list[int], int]:
        """Phase 2: the highest total score among rounds filling at least `filled` slots.

        Arcs: pair arcs innovator -> partner (capacity 1, cost -score) come first, so arc e
        is pair e; then partner -> sink (capacity), source -> innovator (capacity less its
        slots), hub -> innovator (its slots), source -> hub and source -> sink (bypass: an
        unused capacity). The hub is given `filled` units of supply and has no other way
        out than the slot arcs, so at least `filled` slots are used; the source supplies
        the rest of the innovators' total capacity, which all reaches the sink."""
        from ortools.graph.python import min_cost_flow

        np = self.np
        e = len(self.pi)
        total = int(self.cap_i.sum())
        innovators = np.arange(self.n_i, dtype=np.int32)
        partners = np.arange(self.n_i, self.n_i + self.n_p, dtype=np.int32)
        source, sink, hub = self.source, self.sink, self.hub
        i32 = np.int32
        tails = np.concatenate(
            [self.pi, partners, np.full(self.n_i, source, i32), np.full(self.n_i, hub, i32)]
            + [np.array([source, source], i32)]
        )
        heads = np.concatenate(
            [self.pp, np.full(self.n_p, sink, i32), innovators, innovators]
            + [np.array([hub, sink], i32)]
        )
        capacities = np.concatenate(
            [np.ones(e, np.int64), self.cap_p, self.cap_i - self.slots, self.slots]
            + [np.array([total, total], np.int64)]
        )
        costs = np.concatenate([-self.score, np.zeros(len(tails) - e, np.int64)])
        solver = min_cost_flow.SimpleMinCostFlow()
        solver.add_arcs_with_capacity_and_unit_cost(tails, heads, capacities, costs)
        supplies = np.zeros(hub + 1, np.int64)
        supplies[source], supplies[hub], supplies[sink] = total - filled, filled, -total
        solver.set_nodes_supplies(np.arange(hub + 1, dtype=i32), supplies)
        status = solver.solve()
        if status != min_cost_flow.SimpleMinCostFlow.OPTIMAL:
            raise RuntimeError(f"The minimum-cost-flow solver failed: {status}")
        flows = solver.flows(np.arange(e, dtype=i32))
        chosen = np.flatnonzero(flows).tolist()
        return chosen, -int(solver.optimal_cost())
