"""The map's graph from records, and its filters."""

from datetime import date

from partnerbase.accounts.models import Role
from partnerbase.core.period import Period
from partnerbase.network.graph import (
    COALITION,
    FUNDER,
    FUNDING,
    INNOVATOR,
    PARTNER,
    PARTNERSHIP,
    PROJECT,
    most_connected,
    sector_ties,
    without_partnership,
)
from partnerbase.network.queries import MapFilters, network_graph
from partnerbase.network.summary import map_summary
from tests.factories import Make, make_programme


def _ties(graph):
    names = {n.id: n.label for n in graph.nodes}
    return sorted((names[e.source], names[e.target], e.kind) for e in graph.edges)


def test_the_whole_map(small, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        graph = network_graph(small.make.programme)
    kinds = {n.label: n.kind for n in graph.nodes}
    assert kinds == {
        "Toolshed": INNOVATOR,
        "Acorn": INNOVATOR,
        "Zed": INNOVATOR,
        "Barclays": PARTNER,
        "DWP": PARTNER,
        "Nesta": FUNDER,
        small.pilot.name: PROJECT,
    }
    assert _ties(graph) == sorted(
        [
            ("Toolshed", "Barclays", PARTNERSHIP),
            ("Acorn", "DWP", PARTNERSHIP),
            ("Nesta", "Toolshed", FUNDING),
            (small.pilot.name, "DWP", COALITION),
            (small.pilot.name, "Acorn", COALITION),
        ]
    )
    # Acorn's only partnership was declined.
    assert [n.label for n in without_partnership(graph)] == ["Acorn", "Zed"]
    sectors = {n.label: n.sector for n in graph.nodes}
    assert (sectors["Barclays"], sectors["DWP"], sectors["Acorn"]) == (
        "business",
        "public",
        "civil_society",
    )


def test_filter_by_challenge_area(small):
    money = MapFilters(challenge_area_id=small.money.pk)
    graph = network_graph(small.make.programme, filters=money)
    assert _ties(graph) == [("Nesta", "Toolshed", FUNDING), ("Toolshed", "Barclays", PARTNERSHIP)]
    assert "Acorn" not in {n.label for n in graph.nodes}
    assert "Zed" in {n.label for n in graph.nodes}  # no tie, still the area's innovator


def test_filter_by_stage_keeps_other_kinds_of_tie(small):
    graph = network_graph(small.make.programme, filters=MapFilters(stage="declined"))
    partnerships = [t for t in _ties(graph) if t[2] == PARTNERSHIP]
    assert partnerships == [("Acorn", "DWP", PARTNERSHIP)]
    assert ("Nesta", "Toolshed", FUNDING) in _ties(graph)


def test_filter_by_sector_keeps_ties_of_that_sector(small):
    graph = network_graph(small.make.programme, filters=MapFilters(sector="public"))
    assert {t[2] for t in _ties(graph)} == {PARTNERSHIP, COALITION}
    assert all("DWP" in t[:2] for t in _ties(graph))


def test_filter_by_period(small):
    in_2017 = MapFilters(period=Period(date(2017, 1, 1), date(2017, 12, 31)))
    # The declined partnership was proposed in January 2018, the grant dated March 2018.
    assert _ties(network_graph(small.make.programme, filters=in_2017)) == sorted(
        [
            ("Toolshed", "Barclays", PARTNERSHIP),
            (small.pilot.name, "DWP", COALITION),
            (small.pilot.name, "Acorn", COALITION),
        ]
    )
    before = MapFilters(period=Period(date(2016, 1, 1), date(2016, 12, 31)))
    assert network_graph(small.make.programme, filters=before).nodes == []


def test_kinds_and_the_introductions_layer(small):
    only = MapFilters(kinds=frozenset({FUNDING}))
    assert _ties(network_graph(small.make.programme, filters=only)) == [
        ("Nesta", "Toolshed", FUNDING)
    ]


def test_links_only_to_the_records_the_viewer_may_open(small):
    team = network_graph(small.make.programme, user=small.team)
    assert all(n.url for n in team.nodes)
    assert all(e.url for e in team.edges if e.kind in (PARTNERSHIP, FUNDING))
    # A champion sees the map but not the directory: projects and partnerships link.
    champion = network_graph(small.make.programme, user=small.user(Role.CHAMPION))
    assert [n.url for n in champion.nodes if n.kind != PROJECT] == [""] * 6
    assert [n for n in champion.nodes if n.kind == PROJECT][0].url
    assert all(not n.url for n in network_graph(small.make.programme).nodes)


def test_another_programmes_records_stay_off_the_map(small):
    other = Make(small.team, make_programme(small.team))
    other.partnership()
    graph = network_graph(small.make.programme)
    assert len(graph.edges) == 5


def test_an_edge_counts_its_records_and_sums_its_money(small):
    small.make.award(
        funder=small.nesta, recipient=small.toolshed, amount="2500", on=date(2018, 4, 1)
    )
    graph = network_graph(small.make.programme)
    (funding,) = [e for e in graph.edges if e.kind == FUNDING]
    assert (funding.count, funding.amounts) == (2, (("GBP", 750_000),))
    assert funding.label == "2 funding awards" and funding.url == ""
    (partnership,) = [e for e in graph.edges if e.stage == "confirmed"]
    assert partnership.count == 1 and partnership.label == small.confirmed.name


def test_a_small_map_is_drawn_whole(small):
    summary = map_summary(small.make.programme, filters=MapFilters(), most=400)
    graph = network_graph(small.make.programme)
    assert summary.left_out == 0 and summary.edges_left_out == 0
    assert summary.nodes == len(graph.nodes) == len(summary.drawn.nodes)
    assert summary.edges == len(graph.edges) == len(summary.drawn.edges)
    assert summary.most_connected == most_connected(graph)
    assert summary.sector_ties == sector_ties(graph)
    assert summary.without_partnership == len(without_partnership(graph)) == 2
