"""The partnership map: the page (filters, the interactive map, measures and a table), its
data as JSON and the static SVG. Thin: the graph comes from queries, the maths from graph."""

from django.core.paginator import Paginator
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from partnerbase.brokering.stages import Stage
from partnerbase.core.period import programme_period
from partnerbase.programmes.access import programme_for

from .forms import FIELDS, MapForm
from .graph import (
    EDGE_KINDS,
    NODE_KINDS,
    PROJECT,
    SECTORS,
    most_connected,
    sector_ties,
    without_partnership,
)
from .maps import graph_positions, map_data
from .permissions import can_view_map
from .queries import network_graph
from .svg import map_svg

NODES_PER_PAGE = 50
# What a tie's date is, as the table says it.
DATED = {
    "partnership": "proposed",
    "coalition": "joined",
    "funding": "awarded",
    "introduction": "sent",
}
# A row of the table lists at most this many of a node's ties.
TIES_PER_ROW = 12


def _map_form(request, slug):
    programme = programme_for(request, slug, can_view_map)
    # start_0 … end_2 are the date inputs' parts; any filter sent makes the form bound.
    submitted = any(key.startswith(FIELDS) for key in request.GET)
    form = MapForm(
        request.GET if submitted else None,
        default=programme_period(programme),
        programme=programme,
    )
    return programme, form


def _rows(graph, page_number):
    """The table alternative: each node with its ties, a page at a time."""
    names = graph.by_id()
    ties: dict[str, list] = {n.id: [] for n in graph.nodes}
    for e in graph.edges:
        ties[e.source].append((e, names[e.target]))
        ties[e.target].append((e, names[e.source]))
    page = Paginator(graph.nodes, NODES_PER_PAGE).get_page(page_number)
    rows = [
        {
            "node": node,
            "kind": NODE_KINDS[node.kind],
            "sector": SECTORS.get(node.sector, ""),
            "ties": [
                (
                    EDGE_KINDS[e.kind],
                    e,
                    other,
                    Stage(e.stage).label if e.stage else "",
                    DATED[e.kind],
                )
                for e, other in ties[node.id][:TIES_PER_ROW]
            ],
            "more": max(0, len(ties[node.id]) - TIES_PER_ROW),
            "count": len(ties[node.id]),
        }
        for node in page.object_list
    ]
    return page, rows


@require_GET
def map_page(request, slug):
    programme, form = _map_form(request, slug)
    filters = form.filters()
    graph = network_graph(programme, filters=filters, user=request.user)
    page, rows = _rows(graph, request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    ties = sector_ties(graph)
    organisations = sum(n.kind != PROJECT for n in graph.nodes)
    return render(
        request,
        "network/map.html",
        {
            "programme": programme,
            "nav_current": "map",
            "form": form,
            "period": filters.period,
            "filter_query": query.urlencode(),
            "graph": graph,
            "organisations": organisations,
            "projects": len(graph.nodes) - organisations,
            "most_connected": most_connected(graph),
            "alone": without_partnership(graph),
            "sector_ties": ties,
            "page": page,
            "rows": rows,
            "node_kinds": NODE_KINDS,
            "edge_kinds": EDGE_KINDS,
        },
    )


@require_GET
def map_json(request, slug):
    programme, form = _map_form(request, slug)
    graph = network_graph(programme, filters=form.filters(), user=request.user)
    data = map_data(graph, graph_positions(graph))
    if form.is_bound and not form.is_valid():
        data["errors"] = {name: [str(e) for e in errors] for name, errors in form.errors.items()}
    return JsonResponse(data)


@require_GET
def map_svg_view(request, slug):
    programme, form = _map_form(request, slug)
    svg = map_svg(programme, filters=form.filters(), user=request.user)
    return HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")
