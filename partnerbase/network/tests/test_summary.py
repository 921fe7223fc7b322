"""The map at national scale: edges aggregated in SQL, and the measures computed in the
database, give what the records give one by one, on the IEP demo and on a small programme."""

from collections import Counter
from dataclasses import replace
from datetime import date

import pytest

from partnerbase.brokering.models import PartnershipPartner
from partnerbase.challenges.models import ChallengeArea
from partnerbase.core.period import Period, programme_period
from partnerbase.directory.models import Organisation
from partnerbase.funding.models import FundingAward
from partnerbase.network.graph import (
    COALITION,
    FUNDING,
    INTRODUCTION,
    PARTNERSHIP,
    Edge,
    Graph,
    busiest,
    degrees,
    most_connected,
    sector_ties,
    without_partnership,
)
from partnerbase.network.queries import DEFAULT_KINDS, MapFilters, network_graph
from partnerbase.network.summary import map_summary
from partnerbase.projects.models import CoalitionMember

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(iep_for_module):
    return iep_for_module


def one_by_one(programme, graph: Graph) -> Graph:
    """The whole map's edges read a record at a time, as the map read them before they were
    aggregated: an edge per partner row, coalition member and award."""
    edges = []
    rows = PartnershipPartner.objects.filter(partnership__programme=programme)
    for row in rows.select_related("partnership"):
        partnership = row.partnership
        source = partnership.innovator_id and f"o{partnership.innovator_id}"
        source = source or f"p{partnership.project_id}"
        edges.append(Edge(source, f"o{row.organisation_id}", PARTNERSHIP, stage=partnership.stage))
    edges += [
        Edge(f"p{m.project_id}", f"o{m.organisation_id}", COALITION)
        for m in CoalitionMember.objects.filter(project__programme=programme)
    ]
    edges += [
        Edge(f"o{a.funder_id}", f"o{a.recipient_id}", FUNDING)
        for a in FundingAward.objects.filter(programme=programme)
    ]
    return Graph(graph.nodes, edges)


def test_aggregated_edges_give_the_same_measures_as_the_records_one_by_one(demo):
    aggregated = network_graph(demo)
    records = one_by_one(demo, aggregated)
    # Several records between two ends are one edge now, and no record is lost.
    assert len(aggregated.edges) < len(records.edges)
    assert sum(e.count for e in aggregated.edges) == len(records.edges)
    assert degrees(aggregated) == degrees(records)
    assert most_connected(aggregated) == most_connected(records)
    assert without_partnership(aggregated) == without_partnership(records)
    assert sector_ties(aggregated) == sector_ties(records)


def summary_and_graph(programme, filters, most):
    return map_summary(programme, filters=filters, most=most), network_graph(
        programme, filters=filters
    )


def assert_same(summary, graph, most):
    assert summary.nodes == len(graph.nodes)
    assert summary.edges == len(graph.edges)
    assert summary.most_connected == most_connected(graph)
    assert summary.without_partnership == len(without_partnership(graph))
    assert summary.sector_ties == sector_ties(graph)
    cut = busiest(graph, most)
    assert {(n.id, n.kind, n.label) for n in summary.drawn.nodes} == {
        (n.id, n.kind, n.label) for n in cut.nodes
    }
    assert Counter((e.source, e.target, e.kind) for e in summary.drawn.edges) == Counter(
        (e.source, e.target, e.kind) for e in cut.edges
    )


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"published_projects_only": True},
        {"sector": "public"},
        {"sector": "business"},
        {"stage": "active"},
        {"kinds": DEFAULT_KINDS | {INTRODUCTION}},
        {"period": Period(date(2018, 1, 1), date(2018, 6, 30))},
    ],
)
def test_the_measures_in_the_database_equal_the_graphs_on_the_demo(demo, changes):
    filters = replace(MapFilters(period=programme_period(demo)), **changes)
    summary, graph = summary_and_graph(demo, filters, 20)
    assert summary.left_out == summary.nodes - 20 > 0
    assert_same(summary, graph, 20)


def test_by_challenge_area_too(demo):
    area = ChallengeArea.objects.filter(programme=demo).order_by("name").first()
    filters = MapFilters(challenge_area_id=area.pk)
    summary, graph = summary_and_graph(demo, filters, 30)
    assert summary.nodes > 0
    assert_same(summary, graph, 30)


def test_the_convening_organisations_are_not_its_partners(demo):
    conveners = set(
        Organisation.objects.filter(programme=demo, convenes_programme=True).values_list(
            "name", flat=True
        )
    )
    graph = network_graph(demo)
    ties = degrees(graph)
    # A convening department is tied to enough of the map to rank among its partners…
    ranked = sorted(
        (n for n in graph.nodes if n.kind in ("partner", "funder") and ties[n.id]),
        key=lambda n: -ties[n.id],
    )
    assert conveners & {n.label for n in ranked[:10]}
    # …but it is the programme itself, so neither the map nor the report lists it.
    assert not conveners & {n.label for n, _ in most_connected(graph, limit=50)}
    summary = map_summary(demo, filters=MapFilters(), most=400)
    assert not conveners & {n.label for n, _ in summary.most_connected}
