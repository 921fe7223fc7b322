"""Independent exact solvers for the tests: brute force, and a textbook min-cost flow.

Both read a `Problem` and return (shortfall, total score in thousandths). Neither shares
code with the engine's solver beyond the rounding of scores to thousandths.
"""

from itertools import combinations

from partnerbase.matching import Problem


def thousandths(score: float) -> int:
    return round(score * 1000)


def shortfall_of(problem: Problem, pairs) -> int:
    received = {i.id: 0 for i in problem.innovators}
    for pair in pairs:
        received[pair.innovator] += 1
    return sum(max(0, i.min_introductions - received[i.id]) for i in problem.innovators)


def feasible(problem: Problem, pairs) -> bool:
    for key, entities in (("innovator", problem.innovators), ("partner", problem.partners)):
        for entity in entities:
            if sum(1 for pair in pairs if getattr(pair, key) == entity.id) > entity.capacity:
                return False
    return True


def all_rounds(problem: Problem):
    """Every feasible set of pairs (for a dozen pairs or fewer)."""
    for size in range(len(problem.pairs) + 1):
        for chosen in combinations(problem.pairs, size):
            if feasible(problem, chosen):
                yield chosen


def brute_force(problem: Problem) -> tuple[int, int]:
    best = None
    for chosen in all_rounds(problem):
        key = (shortfall_of(problem, chosen), -sum(thousandths(p.score) for p in chosen))
        best = key if best is None or key < best else best
    return best[0], -best[1]


def best_total_within(problem: Problem, shortfall: int) -> int:
    """Brute force: the highest total among rounds with at most `shortfall`."""
    return max(
        sum(thousandths(p.score) for p in chosen)
        for chosen in all_rounds(problem)
        if shortfall_of(problem, chosen) <= shortfall
    )


def big_m_flow(problem: Problem) -> tuple[int, int]:
    """Successive shortest paths (Bellman-Ford, one unit at a time) on the big-M network:
    each innovator's first min(minimum, capacity) units earn a bonus M larger than any
    total score, so the most negative cost is the lexicographic optimum."""
    scores = [thousandths(p.score) for p in problem.pairs]
    big_m = sum(scores) + 1
    nodes = ["s", "t"] + [("i", i.id) for i in problem.innovators]
    nodes += [("p", p.id) for p in problem.partners]
    index = {node: n for n, node in enumerate(nodes)}
    graph = [[] for _ in nodes]  # arcs as [head, capacity, cost, reverse arc position]

    def arc(tail, head, capacity, cost):
        t, h = index[tail], index[head]
        graph[t].append([h, capacity, cost, len(graph[h])])
        graph[h].append([t, 0, -cost, len(graph[t]) - 1])

    for inn in problem.innovators:
        slots = min(inn.min_introductions, inn.capacity)
        arc("s", ("i", inn.id), slots, -big_m)
        arc("s", ("i", inn.id), inn.capacity - slots, 0)
    for pair, score in zip(problem.pairs, scores, strict=True):
        arc(("i", pair.innovator), ("p", pair.partner), 1, -score)
    for par in problem.partners:
        arc(("p", par.id), "t", par.capacity, 0)
    cost = 0
    while True:
        distance = [None] * len(nodes)
        previous = [None] * len(nodes)
        distance[0] = 0
        for _ in range(len(nodes)):
            changed = False
            for u, arcs in enumerate(graph):
                if distance[u] is None:
                    continue
                for k, (v, capacity, c, _) in enumerate(arcs):
                    if capacity > 0 and (distance[v] is None or distance[u] + c < distance[v]):
                        distance[v], previous[v], changed = distance[u] + c, (u, k), True
            if not changed:
                break
        if distance[1] is None or distance[1] >= 0:
            break
        v = 1
        while v != 0:
            u, k = previous[v]
            graph[u][k][1] -= 1
            head, _, _, back = graph[u][k]
            graph[head][back][1] += 1
            v = u
        cost += distance[1]
    filled, total = divmod(-cost, big_m)  # total < M, so this splits the two objectives
    minimum = sum(i.min_introductions for i in problem.innovators)
    return minimum - filled, total
