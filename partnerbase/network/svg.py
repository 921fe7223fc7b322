"""The partnership map as a static SVG, laid out on the server: for the progress report and
for /programmes/<slug>/map.svg."""

from partnerbase.core.period import Period

from .drawing import draw
from .graph import SECTORS
from .maps import graph_positions, map_side
from .queries import MapFilters, network_graph


def map_svg(
    programme,
    *,
    period: Period | None = None,
    filters: MapFilters | None = None,
    user=None,
    id_prefix: str = "partnership-map",
) -> str:
    """Safe SVG markup of the programme's partnership map (`period` overrides the filters'
    period). Without a `user`, nodes carry no links (a report is read on paper too)."""
    filters = filters or MapFilters()
    if period is not None:
        filters = MapFilters(**{**filters.__dict__, "period": period})
    graph = network_graph(programme, filters=filters, user=user)
    return graph_svg(programme, graph, filters=filters, id_prefix=id_prefix)


def graph_svg(programme, graph, *, filters: MapFilters, id_prefix: str = "partnership-map") -> str:
    """Safe SVG markup of a graph already built (and perhaps cut down) from the programme."""
    positions = graph_positions(graph)
    side = map_side(len(graph.nodes))
    organisations = sum(n.kind != "project" for n in graph.nodes)
    what = [
        f"{organisations} organisations",
        f"{len(graph.nodes) - organisations} projects",
        f"{len(graph.edges)} ties",
    ]
    if filters.period:
        what.append(str(filters.period))
    if filters.sector:
        what.append(f"ties of {SECTORS.get(filters.sector, filters.sector).lower()} organisations")
    return draw(
        graph,
        positions,
        title=f"Partnership map: {programme.name}",
        description="Who works with whom: " + ", ".join(what) + ".",
        width=side,
        height=side,
        id_prefix=id_prefix,
    )
