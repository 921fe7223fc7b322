"""The layout: deterministic, inside its bounds, ties drawn shorter than strangers."""

import math
import random

from partnerbase.network.layout import MARGIN, layout


def _graph(n=300, m=600, seed=3):
    r = random.Random(seed)
    ids = [f"o{i}" for i in range(n)]
    return ids, [(r.choice(ids), r.choice(ids)) for _ in range(m)]


def test_the_same_graph_gets_the_same_layout_whatever_the_order():
    ids, edges = _graph()
    first = layout(ids, edges, width=900, height=700)
    again = layout(list(reversed(ids)), list(reversed(edges)), width=900, height=700)
    assert first == again
    assert layout(ids, edges, width=900, height=700, seed=1) != first


def test_every_node_is_placed_inside_the_margins():
    ids, edges = _graph()
    placed = layout(ids, edges, width=900, height=700)
    assert set(placed) == set(ids)
    for x, y in placed.values():
        assert MARGIN <= x <= 900 - MARGIN
        assert MARGIN <= y <= 700 - MARGIN


def test_tied_nodes_end_up_nearer_than_untied_ones():
    # Two stars of 20: a member is nearer its own hub than the other star's.
    ids = ["a", "b"] + [f"a{i}" for i in range(20)] + [f"b{i}" for i in range(20)]
    edges = [("a", f"a{i}") for i in range(20)] + [("b", f"b{i}") for i in range(20)]
    placed = layout(ids, edges)
    own = [math.dist(placed["a"], placed[f"a{i}"]) for i in range(20)]
    other = [math.dist(placed["b"], placed[f"a{i}"]) for i in range(20)]
    assert sum(own) < sum(other) / 2


def test_small_and_odd_inputs():
    assert layout([], []) == {}
    assert layout(["only"], [("only", "only")], width=200, height=100) == {"only": (100.0, 50.0)}
    # Loops, repeats and edges to unknown nodes are ignored; nodes on one spot come apart.
    placed = layout(["a", "b"], [("a", "a"), ("a", "b"), ("b", "a"), ("a", "ghost")])
    assert placed["a"] != placed["b"]
