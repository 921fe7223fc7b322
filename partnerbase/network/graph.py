"""The partnership map as a graph, and the measures a team asks of it. Pure Python.

Nodes are organisations (innovator, partner or funder, each in a sector group) and
collaborative projects; edges are partnerships, coalition memberships (project and
organisation), funding awards (funder to recipient) and, as an optional layer, introductions.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations

# Node kinds.
INNOVATOR, PARTNER, FUNDER, PROJECT = "innovator", "partner", "funder", "project"
NODE_KINDS = {
    INNOVATOR: "Innovator",
    PARTNER: "Partner",
    FUNDER: "Funder",
    PROJECT: "Collaborative project",
}
# Edge kinds, in the order the map's key shows them.
PARTNERSHIP, COALITION = "partnership", "coalition"
FUNDING, INTRODUCTION = "funding", "introduction"
EDGE_KINDS = {
    PARTNERSHIP: "Partnership",
    COALITION: "Coalition member",
    FUNDING: "Funding award",
    INTRODUCTION: "Introduction",
}
# Sector groups (directory.SectorGroup's values and labels).
SECTORS = {"business": "Business", "civil_society": "Civil society", "public": "Public sector"}
# A partnership at these stages never happened: it does not count as the innovator's.
NOT_A_PARTNERSHIP = {"declined", "lapsed"}


@dataclass(frozen=True)
class Node:
    id: str  # "o<pk>" for an organisation, "p<pk>" for a project
    label: str
    kind: str
    sector: str = ""  # organisations only
    url: str = ""  # the record's page, if the viewer may open it
    # One of the programme's own convening organisations: never one of its partners.
    convening: bool = False


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    kind: str
    label: str = ""
    stage: str = ""  # partnerships only
    on: date | None = None  # the first or latest record's date, as the kind says
    url: str = ""  # the record's page when the edge is one record
    count: int = 1  # how many records (partnerships, awards…) join the two
    amounts: tuple[tuple[str, int], ...] = ()  # funding: (currency, minor units) summed


@dataclass
class Graph:
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)

    def by_id(self) -> dict[str, Node]:
        return {n.id: n for n in self.nodes}

    def neighbours(self) -> dict[str, set[str]]:
        """Each node's distinct neighbours (a node with none maps to an empty set)."""
        found: dict[str, set[str]] = {n.id: set() for n in self.nodes}
        for e in self.edges:
            if e.source != e.target:
                found[e.source].add(e.target)
                found[e.target].add(e.source)
        return found


def degrees(graph: Graph) -> dict[str, int]:
    """How many distinct nodes each node is tied to (several ties to one node count once)."""
    return {node_id: len(ns) for node_id, ns in graph.neighbours().items()}


def most_connected(
    graph: Graph, *, kinds=(PARTNER, FUNDER), limit: int = 10
) -> list[tuple[Node, int]]:
    """The nodes of `kinds` with the most distinct ties, most first, then by name; nodes with
    no tie are left out, and so are the programme's convening organisations (a department
    that funds or partners many is the programme itself, not one of its partners)."""
    found = degrees(graph)
    ranked = [
        (n, found[n.id]) for n in graph.nodes if n.kind in kinds and found[n.id] and not n.convening
    ]
    ranked.sort(key=lambda pair: (-pair[1], pair[0].label.casefold(), pair[0].id))
    return ranked[:limit]


def without_partnership(graph: Graph) -> list[Node]:
    """Innovators in the graph with no partnership yet (a declined or lapsed one does not
    count), by name."""
    partnered = {
        end
        for e in graph.edges
        if e.kind == PARTNERSHIP and e.stage not in NOT_A_PARTNERSHIP
        for end in (e.source, e.target)
    }
    alone = [n for n in graph.nodes if n.kind == INNOVATOR and n.id not in partnered]
    return sorted(alone, key=lambda n: (n.label.casefold(), n.id))


@dataclass(frozen=True)
class SectorTies:
    """Pairs of organisations that work together, by the sector groups of the two."""

    pairs: dict[tuple[str, str], int]  # (sector, sector) in SECTORS order → pairs
    total: int

    @property
    def across(self) -> int:
        return sum(count for (a, b), count in self.pairs.items() if a != b)

    @property
    def rows(self) -> list[tuple[str, str, int]]:
        """(sector label, sector label, pairs) for each pair of sector groups, across first."""
        keys = list(SECTORS)
        combos = [(a, b) for i, a in enumerate(keys) for b in keys[i + 1 :]]
        combos += [(a, a) for a in keys]
        return [(SECTORS[a], SECTORS[b], self.pairs.get((a, b), 0)) for a, b in combos]


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


def sector_ties(graph: Graph) -> SectorTies:
    """Distinct pairs of organisations that work together, directly (a partnership that
    was not declined or lapsed, a funding award) or in one project's coalition, counted by
    the sector groups of the two. An introduction is not yet working together."""
    sector = {n.id: n.sector for n in graph.nodes if n.kind != PROJECT and n.sector in SECTORS}
    projects = {n.id for n in graph.nodes if n.kind == PROJECT}
    tied: set[tuple[str, str]] = set()
    members: dict[str, set[str]] = defaultdict(set)
    for e in graph.edges:
        if e.kind == COALITION:
            project, organisation = (
                (e.source, e.target) if e.source in projects else (e.target, e.source)
            )
            if organisation in sector:
                members[project].add(organisation)
        elif e.kind == INTRODUCTION or (e.kind == PARTNERSHIP and e.stage in NOT_A_PARTNERSHIP):
            continue
        elif e.source in sector and e.target in sector and e.source != e.target:
            tied.add(_pair(e.source, e.target))
    for organisations in members.values():
        tied.update(_pair(a, b) for a, b in combinations(sorted(organisations), 2))
    order = {key: i for i, key in enumerate(SECTORS)}
    counts: Counter = Counter()
    for a, b in tied:
        sa, sb = sorted((sector[a], sector[b]), key=order.__getitem__)
        counts[(sa, sb)] += 1
    return SectorTies(pairs=dict(counts), total=len(tied))


def busiest(graph: Graph, limit: int) -> Graph:
    """The `limit` nodes with the most distinct ties and the ties among them: a national
    programme's map drawn on one page (the whole graph stays on the map page)."""
    if len(graph.nodes) <= limit:
        return graph
    found = degrees(graph)
    ranked = sorted(graph.nodes, key=lambda n: (-found.get(n.id, 0), n.label.casefold(), n.id))
    kept = {n.id for n in ranked[:limit]}
    return Graph(
        [n for n in graph.nodes if n.id in kept],
        [e for e in graph.edges if e.source in kept and e.target in kept],
    )
