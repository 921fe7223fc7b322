"""The map's picture: the layout of a graph (cached: the same graph is laid out once) and
the graph with its positions as the JSON the page draws."""

import hashlib

from django.core.cache import cache

from .graph import Graph, degrees
from .layout import layout

CACHE_SECONDS = 60 * 60


def map_side(nodes: int) -> float:
    """The square the layout fills: room for about 45 units a side per √node."""
    return float(max(800, min(3000, round(45 * nodes**0.5))))


def graph_positions(graph: Graph) -> dict[str, tuple[float, float]]:
    side = map_side(len(graph.nodes))
    node_ids = sorted(n.id for n in graph.nodes)
    pairs = sorted({(e.source, e.target) for e in graph.edges})
    digest = hashlib.sha256(repr((side, node_ids, pairs)).encode()).hexdigest()
    key = f"network-layout:{digest}"
    found = cache.get(key)
    if found is None:
        found = layout(node_ids, pairs, width=side, height=side)
        cache.set(key, found, CACHE_SECONDS)
    return found


def map_data(graph: Graph, positions: dict[str, tuple[float, float]]) -> dict:
    """What the page's script draws: nodes with their places and ties, and the edges."""
    ties = degrees(graph)
    side = map_side(len(graph.nodes))
    return {
        "width": side,
        "height": side,
        "nodes": [
            {
                "id": n.id,
                "label": n.label,
                "kind": n.kind,
                "sector": n.sector,
                "url": n.url,
                "x": positions[n.id][0],
                "y": positions[n.id][1],
                "ties": ties[n.id],
            }
            for n in graph.nodes
        ],
        "edges": [
            {"source": e.source, "target": e.target, "kind": e.kind, "stage": e.stage}
            for e in graph.edges
        ],
    }
