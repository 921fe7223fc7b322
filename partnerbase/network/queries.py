"""The partnership map's graph, read from a programme's records.

Organisations and collaborative projects are the nodes; partnerships, coalition
memberships, funding awards and (as an optional layer) sent introductions are the edges.
Filters:

- period: a partnership whose span (proposed to ended) overlaps it, a coalition member
  who had joined by its end (or, with no join date, whose project had launched by then; a
  member with neither date always counts), an award or an introduction sent within it;
- challenge area: an edge's area is its project's; else, for a partnership or an
  introduction, the need's; else the innovator's cohort place's (an award takes its
  partnership's, its project's, or its recipient's cohort place's);
- stage: partnerships at that stage (other kinds of tie are not at a stage);
- sector: ties with at least one organisation of that sector group;
- kinds: which kinds of tie to show.

Innovators (organisations with a cohort place not withdrawn, begun by the period's end) are
nodes even with no tie, so the map shows who has no partnership yet.

The edges are aggregated in SQL: one per pair of ends (and, for partnerships, stage) with
how many records make it and, for funding, their sums by currency, so that a national
programme's million awards come back as the pairs they join, never row by row. A handful
of queries whatever the size of the programme.
"""

from collections import defaultdict
from uuid import UUID

from django.db.models import CharField, Count, Max, Min, Sum
from django.db.models.functions import Cast
from django.urls import reverse

from partnerbase.accounts.permissions import can_view_directory
from partnerbase.brokering.permissions import can_broker, can_view_partnerships
from partnerbase.directory.models import Organisation, OrganisationKind
from partnerbase.funding.permissions import sees_whole_ledger
from partnerbase.projects.models import CollaborativeProject
from partnerbase.projects.permissions import reads_all_projects

from .graph import (
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
)
from .rows import (
    DEFAULT_KINDS,
    MapFilters,
    Within,
    award_rows,
    coalition_rows,
    cohort_places,
    introduction_rows,
    partnership_rows,
)

__all__ = ["DEFAULT_KINDS", "MapFilters", "Within", "network_graph"]

# Past this many organisations on the map, read the programme's all rather than name each
# in an IN list (SQLite limits a statement's parameters).
MOST_LOOKED_UP = 2000
NO_FILTERS = MapFilters()
PLACEHOLDER = UUID(int=0)


class _Links:
    """The record pages the viewer may open (none for a report with no viewer)."""

    def __init__(self, user, programme):
        self.slug = programme.slug
        self.organisations = user is not None and can_view_directory(user, programme)
        self.projects = user is not None and reads_all_projects(user, programme)
        self.partnerships = user is not None and can_view_partnerships(user, programme)
        self.awards = user is not None and sees_whole_ledger(user, programme)
        self.rounds = user is not None and can_broker(user, programme)
        self._patterns: dict[str, str] = {}

    def url(self, allowed: bool, name: str, uid) -> str:
        if not allowed or uid is None:
            return ""
        # One reverse() per kind of page, then the uid put in: thousands of reverse()
        # calls were most of the query's time on a big map.
        if name not in self._patterns:
            self._patterns[name] = reverse(name, args=[self.slug, PLACEHOLDER])
        return self._patterns[name].replace(str(PLACEHOLDER), str(uid))


def _uid(path: str) -> Max:
    """A uid of the group's records, as text: PostgreSQL 15 has no max() of a uuid."""
    return Max(Cast(path, CharField()))


def _one(row, key):
    """A record's own value when the edge is one record (several have no one name or page)."""
    if row["n"] != 1:
        return None
    return UUID(row[key]) if key in ("uid", "round") else row[key]


def _partnership_edges(programme, filters, links, within) -> list[Edge]:
    """One edge per innovator (or project), partner and stage."""
    rows = partnership_rows(programme, filters, within)
    rows = rows.values(
        "partnership__innovator_id",
        "partnership__project_id",
        "organisation_id",
        "partnership__stage",
    ).annotate(
        n=Count("id"),
        on=Min("partnership__proposed_on"),
        name=Max("partnership__name"),
        uid=_uid("partnership__uid"),
    )
    edges = []
    for row in rows:
        innovator, project = row["partnership__innovator_id"], row["partnership__project_id"]
        name = _one(row, "name")
        edges.append(
            Edge(
                f"o{innovator}" if innovator else f"p{project}",
                f"o{row['organisation_id']}",
                PARTNERSHIP,
                label=name or f"{row['n']} partnerships",
                stage=row["partnership__stage"],
                on=row["on"],
                url=links.url(links.partnerships, "brokering:partnership_detail", _one(row, "uid")),
                count=row["n"],
            )
        )
    return edges


def _coalition_edges(programme, filters, projects, within) -> list[Edge]:
    """One edge per project and member organisation."""
    rows = coalition_rows(programme, filters, within)
    rows = rows.values("project_id", "organisation_id").annotate(
        n=Count("id"),
        role=Min("role"),
        joined=Min("joined_on"),
        launched=Min("project__launch_date"),
    )
    return [
        Edge(
            f"p{row['project_id']}",
            f"o{row['organisation_id']}",
            COALITION,
            label=f"{row['role'].capitalize()} in {projects[row['project_id']]['name']}",
            on=row["joined"] or row["launched"],
            count=row["n"],
        )
        for row in rows
    ]


def _funding_edges(programme, filters, links, within) -> list[Edge]:
    """One edge per funder and recipient, with how many awards and their sums by currency."""
    awards = award_rows(programme, filters, within)
    rows = awards.values("funder_id", "recipient_id", "currency").annotate(
        n=Count("id"),
        total=Sum("amount_minor"),
        on=Max("award_date"),
        title=Max("title"),
        uid=_uid("uid"),
    )
    # The rows are per currency: merge each pair's into one edge.
    pairs: dict[tuple[int, int], list] = defaultdict(list)
    for row in rows:
        pairs[(row["funder_id"], row["recipient_id"])].append(row)
    edges = []
    for (funder, recipient), group in pairs.items():
        count = sum(row["n"] for row in group)
        one = group[0] if count == 1 else None
        edges.append(
            Edge(
                f"o{funder}",
                f"o{recipient}",
                FUNDING,
                label=one["title"] if one else f"{count} funding awards",
                on=max(row["on"] for row in group),
                url=links.url(links.awards, "funding:award_detail", one and UUID(one["uid"])),
                count=count,
                amounts=tuple(sorted((row["currency"], row["total"]) for row in group)),
            )
        )
    return edges


def _introduction_edges(programme, filters, links, within) -> list[Edge]:
    """One edge per innovator and partner introduced."""
    rows = introduction_rows(programme, filters, within)
    rows = rows.values("innovator_id", "partner_id").annotate(
        n=Count("id"), on=Max("sent_on"), round=_uid("round__uid")
    )
    return [
        Edge(
            f"o{row['innovator_id']}",
            f"o{row['partner_id']}",
            INTRODUCTION,
            label="Introduction" if row["n"] == 1 else f"{row['n']} introductions",
            on=row["on"],
            url=links.url(links.rounds, "brokering:round_detail", _one(row, "round")),
            count=row["n"],
        )
        for row in rows
    ]


def network_graph(
    programme,
    *,
    filters: MapFilters = NO_FILTERS,
    user=None,
    within: Within | None = None,
    kinds_of: dict[str, str] | None = None,
) -> Graph:
    """The programme's map with `filters`, with links to the records `user` may open.
    `within`: only those nodes and the ties among them (a national programme's busiest
    part), each of the kind `kinds_of` says it is on the whole map."""
    kinds = filters.kinds
    links = _Links(user, programme)
    places = cohort_places(programme, filters.period)
    projects = {
        row["pk"]: row
        for row in CollaborativeProject.objects.filter(programme=programme)
        .order_by()
        .values("pk", "uid", "name", "challenge_area_id", "published")
    }
    if filters.published_projects_only:
        projects = {pk: row for pk, row in projects.items() if row["published"]}
    edges: list[Edge] = []
    if PARTNERSHIP in kinds:
        edges += _partnership_edges(programme, filters, links, within)
    if COALITION in kinds:
        edges += _coalition_edges(programme, filters, projects, within)
    if FUNDING in kinds:
        edges += _funding_edges(programme, filters, links, within)
    if INTRODUCTION in kinds:
        edges += _introduction_edges(programme, filters, links, within)
    also: set[str] = set()
    if within is not None:
        places = {pk: area for pk, area in places.items() if pk in within.organisations}
        also = {f"o{pk}" for pk in within.organisations} | {
            f"p{pk}" for pk in within.projects if pk in projects
        }
    return _with_nodes(programme, edges, places, projects, filters, links, also, kinds_of or {})


def _with_nodes(programme, edges, places, projects, filters, links, also, kinds_of) -> Graph:
    innovators = {f"o{pk}" for pk in places}
    if filters.challenge_area_id:
        innovators = {f"o{pk}" for pk, a in places.items() if a == filters.challenge_area_id}
    # What each organisation does in these ties decides its kind.
    roles: dict[str, set[str]] = defaultdict(set)
    for e in edges:
        if e.kind in (PARTNERSHIP, INTRODUCTION):
            roles[e.source].add(INNOVATOR)
            roles[e.target].add(PARTNER)
        elif e.kind == FUNDING:
            roles[e.source].add(FUNDER)
        else:
            roles[e.target].add(PARTNER)
    ends = {i for e in edges for i in (e.source, e.target)} | also
    wanted = {int(i[1:]) for i in ends | innovators if i[0] == "o"}
    found = Organisation.objects.filter(programme=programme)
    if len(wanted) <= MOST_LOOKED_UP:
        found = found.filter(pk__in=wanted)
    organisations = {
        row["pk"]: row
        for row in found.order_by().values(
            "pk", "uid", "name", "kind", "sector_group", "convenes_programme"
        )
        if row["pk"] in wanted
    }
    if filters.sector:
        in_sector = {
            f"o{pk}" for pk, row in organisations.items() if row["sector_group"] == filters.sector
        }
        edges = [e for e in edges if e.source in in_sector or e.target in in_sector]
        innovators &= in_sector
    nodes: dict[str, Node] = {}
    if filters.sector:
        ends = {i for e in edges for i in (e.source, e.target)} | also
    for node_id in innovators | ends:
        pk = int(node_id[1:])
        if node_id[0] == "p":
            project = projects[pk]
            nodes[node_id] = Node(
                node_id,
                project["name"],
                PROJECT,
                url=links.url(links.projects, "projects:project_detail", project["uid"]),
            )
            continue
        row = organisations[pk]
        mine = roles[node_id]
        if node_id in kinds_of:
            kind = kinds_of[node_id]
        elif node_id in innovators or INNOVATOR in mine:
            kind = INNOVATOR
        elif row["kind"] == OrganisationKind.FUNDER or mine == {FUNDER}:
            kind = FUNDER
        else:
            kind = PARTNER
        nodes[node_id] = Node(
            node_id,
            row["name"],
            kind,
            sector=row["sector_group"],
            convening=row["convenes_programme"],
            url=links.url(links.organisations, "directory:organisation_detail", row["uid"]),
        )
    ordered = sorted(nodes.values(), key=lambda n: (n.label.casefold(), n.id))
    return Graph(nodes=ordered, edges=edges)
