"""The map's measures on small graphs worked by hand, without a database."""

import subprocess
import sys
from pathlib import Path

from partnerbase.network.graph import (
    COALITION,
    FUNDER,
    FUNDING,
    INNOVATOR,
    INTRODUCTION,
    PARTNER,
    PARTNERSHIP,
    PROJECT,
    Edge,
    Graph,
    Node,
    busiest,
    degrees,
    most_connected,
    sector_ties,
    without_partnership,
)

ROOT = Path(__file__).resolve().parents[3]


def small_map() -> Graph:
    """Barclays (business) partners Toolshed and Acorn; Nesta (funder, civil society) funds
    Toolshed; the Pilot project's coalition is Barclays, DWP (public) and Acorn; Zed has no
    partnership but a declined one; Yak only an introduction."""
    nodes = [
        Node("o1", "Barclays", PARTNER, "business"),
        Node("o2", "Toolshed", INNOVATOR, "civil_society"),
        Node("o3", "Acorn", INNOVATOR, "civil_society"),
        Node("o4", "Nesta", FUNDER, "civil_society"),
        Node("o5", "DWP", PARTNER, "public"),
        Node("o6", "Zed", INNOVATOR, "business"),
        Node("o7", "Yak", INNOVATOR, "civil_society"),
        Node("o8", "Lonely plc", PARTNER, "business"),
        Node("p1", "Pilot", PROJECT),
    ]
    edges = [
        Edge("o2", "o1", PARTNERSHIP, stage="confirmed"),
        Edge("o2", "o1", PARTNERSHIP, stage="active"),  # a second with the same partner
        Edge("o3", "o1", PARTNERSHIP, stage="proposed"),
        Edge("o6", "o1", PARTNERSHIP, stage="declined"),
        Edge("o4", "o2", FUNDING),
        Edge("p1", "o1", COALITION),
        Edge("p1", "o5", COALITION),
        Edge("p1", "o3", COALITION),
        Edge("o7", "o8", INTRODUCTION),
    ]
    return Graph(nodes, edges)


def test_degrees_count_distinct_neighbours():
    found = degrees(small_map())
    assert found["o1"] == 4  # Toolshed (twice), Acorn, Zed, Pilot
    assert found["o2"] == 2
    assert found["p1"] == 3
    assert found["o8"] == 1


def test_most_connected_ranks_partners_and_funders_by_ties_then_name():
    ranked = [(node.label, ties) for node, ties in most_connected(small_map())]
    # Lonely plc and DWP tie on one each: by name; innovators and projects are not ranked.
    assert ranked == [("Barclays", 4), ("DWP", 1), ("Lonely plc", 1), ("Nesta", 1)]
    assert [n.label for n, _ in most_connected(small_map(), limit=2)] == ["Barclays", "DWP"]


def test_innovators_without_partnership_ignore_declined_and_introductions():
    assert [n.label for n in without_partnership(small_map())] == ["Yak", "Zed"]


def test_sector_ties_count_pairs_working_together_directly_or_in_a_coalition():
    ties = sector_ties(small_map())
    # Barclays–Toolshed, Barclays–Acorn, Nesta–Toolshed and, in the Pilot's coalition,
    # Barclays–DWP, Acorn–DWP (Barclays–Acorn again counts once). Zed's partnership was
    # declined and Yak only had an introduction: not working together.
    assert ties.pairs == {
        ("business", "civil_society"): 2,
        ("civil_society", "civil_society"): 1,
        ("business", "public"): 1,
        ("civil_society", "public"): 1,
    }
    assert (ties.total, ties.across) == (5, 4)
    rows = {(a, b): n for a, b, n in ties.rows}
    assert rows[("Business", "Civil society")] == 2
    assert rows[("Business", "Business")] == 0
    assert list(rows)[:3] == [
        ("Business", "Civil society"),
        ("Business", "Public sector"),
        ("Civil society", "Public sector"),
    ]


def test_the_pure_modules_run_without_django():
    script = (
        "import sys; sys.modules['django'] = None\n"
        "from partnerbase.network import drawing, graph, layout\n"
        "print(len(layout.layout(['a', 'b'], [('a', 'b')])))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "2"


def test_busiest_keeps_the_most_connected_nodes_and_the_ties_among_them():
    hub, a, b, c = (Node(i, i.upper(), PARTNER) for i in ("hub", "a", "b", "c"))
    graph = Graph(
        [hub, a, b, c],
        [
            Edge("hub", "a", PARTNERSHIP),
            Edge("hub", "b", PARTNERSHIP),
            Edge("b", "a", FUNDING),
            Edge("c", "a", FUNDING),
        ],
    )
    kept = busiest(graph, 3)
    # a has 3 ties, hub and b 2 each, c 1: c and its tie go.
    assert [n.id for n in kept.nodes] == ["hub", "a", "b"]
    assert {(e.source, e.target) for e in kept.edges} == {("hub", "a"), ("hub", "b"), ("b", "a")}
    assert busiest(graph, 10) is graph
