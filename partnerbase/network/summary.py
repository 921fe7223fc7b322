"""The partnership map of a national programme, measured in the database.

A programme of 100,000 organisations and a million funding awards has about a million
distinct ties: too many to read into Python for a report that draws a few hundred nodes.
`map_summary` asks the database instead, through the same filtered records as the map
(`rows.py`), for what the report prints: how many nodes and ties, the most connected
partners, how many innovators have no partnership yet and the ties across sectors, which
equal `graph.py`'s measures of the whole graph; then it reads only the `most` busiest
nodes and the ties among them, to be drawn.

Nodes are keyed in SQL as an organisation's primary key, or minus a project's.
"""

from contextlib import contextmanager
from dataclasses import dataclass, replace
from uuid import uuid4

from django.db import connection
from django.db.models import Case, F, IntegerField, Value, When
from django.db.models.functions import Coalesce

from partnerbase.directory.models import Organisation, OrganisationKind
from partnerbase.projects.models import CollaborativeProject

from .graph import (
    COALITION,
    FUNDER,
    FUNDING,
    INNOVATOR,
    INTRODUCTION,
    NOT_A_PARTNERSHIP,
    PARTNER,
    PARTNERSHIP,
    PROJECT,
    SECTORS,
    Graph,
    Node,
    SectorTies,
)
from .queries import network_graph
from .rows import (
    MapFilters,
    Within,
    award_rows,
    coalition_rows,
    cohort_places,
    introduction_rows,
    partnership_rows,
)


@dataclass
class MapSummary:
    nodes: int
    edges: int
    most_connected: list[tuple[Node, int]]
    without_partnership: int
    sector_ties: SectorTies
    drawn: Graph  # the busiest nodes and the ties among them

    @property
    def left_out(self) -> int:
        return self.nodes - len(self.drawn.nodes)

    @property
    def edges_left_out(self) -> int:
        return self.edges - len(self.drawn.edges)


def _pairs(programme, filters: MapFilters) -> list[tuple[str, list]]:
    """Each kind's edges as SQL with columns a (source), b (target), k (kind), s (1 for a
    partnership that happened, i.e. not declined or lapsed) and g (a partnership's stage):
    one row per edge of the map."""
    stage_ok = Case(
        When(partnership__stage__in=NOT_A_PARTNERSHIP, then=Value(0)),
        default=Value(1),
        output_field=IntegerField(),
    )
    kinds = {
        PARTNERSHIP: partnership_rows(programme, filters).annotate(
            a=Coalesce(F("partnership__innovator_id"), F("partnership__project_id") * -1),
            b=F("organisation_id"),
            k=Value("p"),
            s=stage_ok,
            g=F("partnership__stage"),
        ),
        COALITION: coalition_rows(programme, filters).annotate(
            a=F("project_id") * -1, b=F("organisation_id"), k=Value("c"), s=Value(0), g=Value("")
        ),
        FUNDING: award_rows(programme, filters).annotate(
            a=F("funder_id"), b=F("recipient_id"), k=Value("f"), s=Value(0), g=Value("")
        ),
        INTRODUCTION: introduction_rows(programme, filters).annotate(
            a=F("innovator_id"), b=F("partner_id"), k=Value("i"), s=Value(0), g=Value("")
        ),
    }
    out = []
    for kind, rows in kinds.items():
        if kind not in filters.kinds:
            continue
        sql, params = rows.values("a", "b", "k", "s", "g").distinct().query.sql_with_params()
        out.append((f"SELECT q.a, q.b, q.k, q.s, q.g FROM ({sql}) q", list(params)))
    return out


def _union(parts: list[tuple[str, list]], filters: MapFilters) -> tuple[str, list]:
    if not parts:
        return "SELECT 0 a, 0 b, '' k, 0 s, '' g WHERE 1 = 0", []
    sql = " UNION ALL ".join(part for part, _ in parts)
    params = [p for _, ps in parts for p in ps]
    if filters.sector:
        # Ties with at least one organisation of the sector (a project is in none).
        members = "SELECT id FROM directory_organisation WHERE sector_group = %s"
        sql = f"SELECT * FROM ({sql}) u WHERE u.a IN ({members}) OR u.b IN ({members})"
        params += [filters.sector, filters.sector]
    return sql, params


def _nodes(table: str) -> list[tuple]:
    """(node, distinct neighbours, ties, innovator, partner, funder, partnered) for every
    node at an end of a tie; the roles as `queries._with_nodes` gives them."""
    sql = f"""
        SELECT n, COUNT(DISTINCT CASE WHEN n <> m THEN m END), COUNT(*),
               MAX(innovator), MAX(partner), MAX(funder), MAX(partnered)
        FROM (
            SELECT a AS n, b AS m,
                   CASE WHEN k IN ('p', 'i') THEN 1 ELSE 0 END AS innovator,
                   0 AS partner,
                   CASE WHEN k = 'f' THEN 1 ELSE 0 END AS funder,
                   CASE WHEN k = 'p' AND s = 1 THEN 1 ELSE 0 END AS partnered
            FROM {table}
            UNION ALL
            SELECT b, a, 0, CASE WHEN k IN ('p', 'i', 'c') THEN 1 ELSE 0 END, 0,
                   CASE WHEN k = 'p' AND s = 1 THEN 1 ELSE 0 END
            FROM {table}
        ) ends
        GROUP BY n
    """
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return cursor.fetchall()


def _sector_pairs(table: str) -> dict[tuple[str, str], int]:
    """Distinct pairs of organisations working together (a partnership that happened, an
    award, or one project's coalition) by the sector groups of the two, as
    `graph.sector_ties` counts them."""
    sectors = ", ".join(["%s"] * len(SECTORS))
    sql = f"""
        WITH c AS (SELECT a, b FROM {table} WHERE k = 'c'),
        tied AS (
            SELECT a, b FROM {table} WHERE (k = 'f' OR (k = 'p' AND s = 1)) AND a > 0 AND a <> b
            UNION ALL
            SELECT x.b, y.b FROM c x JOIN c y ON x.a = y.a AND x.b < y.b
        ),
        pairs AS (
            SELECT DISTINCT CASE WHEN a < b THEN a ELSE b END AS x,
                            CASE WHEN a < b THEN b ELSE a END AS y
            FROM tied
        )
        SELECT ox.sector_group, oy.sector_group, COUNT(*)
        FROM pairs
        JOIN directory_organisation ox ON ox.id = pairs.x
        JOIN directory_organisation oy ON oy.id = pairs.y
        WHERE ox.sector_group IN ({sectors}) AND oy.sector_group IN ({sectors})
        GROUP BY ox.sector_group, oy.sector_group
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, list(SECTORS) * 2)
        rows = cursor.fetchall()
    order = {key: i for i, key in enumerate(SECTORS)}
    counts: dict[tuple[str, str], int] = {}
    for sx, sy, n in rows:
        key = tuple(sorted((sx, sy), key=order.__getitem__))
        counts[key] = counts.get(key, 0) + n
    return counts


@contextmanager
def _edges_table(programme, filters: MapFilters):
    """The map's edges in a temporary table, so that they are worked out once for all the
    measures (on SQLite the award pairs alone take seconds)."""
    sql, params = _union(_pairs(programme, filters), filters)
    table = f"map_edges_{uuid4().hex}"
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TEMPORARY TABLE {table} AS {sql}", params)
        try:
            yield table
        finally:
            cursor.execute(f"DROP TABLE {table}")


def _measured(programme, filters: MapFilters) -> tuple[list[tuple], dict]:
    with _edges_table(programme, filters) as table:
        return _nodes(table), _sector_pairs(table)


def map_summary(programme, *, filters: MapFilters, most: int) -> MapSummary:
    """The map's size and measures, computed in the database, and its `most` busiest nodes
    (by distinct ties, then by name) with the ties among them, read into a graph."""
    rows, pairs = _measured(programme, filters)
    places = cohort_places(programme, filters.period)
    area = filters.challenge_area_id
    innovators = {pk for pk, its in places.items() if not area or its == area}
    organisations = Organisation.objects.filter(programme=programme)
    if filters.sector:
        in_sector = set(
            organisations.filter(pk__in=innovators, sector_group=filters.sector).values_list(
                "pk", flat=True
            )
        )
        innovators &= in_sector
    degree = {n: d for n, d, *_ in rows}
    for pk in innovators:
        degree.setdefault(pk, 0)
    # An organisation's kind comes from all its ties, those the sector filter hides too.
    roles = rows
    if filters.sector:
        roles, _ = _measured(programme, replace(filters, sector=""))
    kinds = _kinds(programme, roles, innovators, degree)
    partnered = {n for n, *_, p in rows if p}
    edges = sum(ties for _, _, ties, *_ in rows) // 2

    conveners = set(organisations.filter(convenes_programme=True).values_list("pk", flat=True))
    # A convening organisation is the programme itself, never one of its partners.
    partners = {
        n: d
        for n, d in degree.items()
        if kinds[n] in (PARTNER, FUNDER) and d and n not in conveners
    }
    ranked = _ranked(programme, partners, 10)
    drawn_keys = [n for n, _ in _ranked(programme, degree, most)]
    kinds_of = {_node_id(n): kinds[n] for n in drawn_keys}
    drawn = network_graph(programme, filters=filters, within=Within.of(kinds_of), kinds_of=kinds_of)
    named = {_node_id(n): kinds[n] for n, _ in ranked}
    found = network_graph(programme, filters=filters, within=Within.of(named), kinds_of=named)
    by_id = found.by_id()
    return MapSummary(
        nodes=len(degree),
        edges=edges,
        most_connected=[(by_id[_node_id(n)], d) for n, d in ranked if _node_id(n) in by_id],
        without_partnership=sum(1 for n in degree if kinds[n] == INNOVATOR and n not in partnered),
        sector_ties=SectorTies(pairs=pairs, total=sum(pairs.values())),
        drawn=drawn,
    )


def _node_id(key: int) -> str:
    return f"p{-key}" if key < 0 else f"o{key}"


def _kinds(programme, rows, innovators, nodes) -> dict[int, str]:
    """Each node's kind, as `queries._with_nodes` decides it from the roles in `rows`."""
    funders = set(
        Organisation.objects.filter(programme=programme, kind=OrganisationKind.FUNDER)
        .order_by()
        .values_list("pk", flat=True)
    )
    kinds = {pk: INNOVATOR for pk in innovators}
    for n, _, _, innovator, partner, funder, _ in rows:
        if n not in nodes:
            continue
        if n < 0:
            kinds[n] = PROJECT
        elif n in innovators or innovator:
            kinds[n] = INNOVATOR
        elif n in funders or (funder and not partner):
            kinds[n] = FUNDER
        else:
            kinds[n] = PARTNER
    return kinds


def _ranked(programme, degree: dict[int, int], limit: int) -> list[tuple[int, int]]:
    """The `limit` nodes with the most ties, then by name: the names are read only for the
    nodes whose number of ties could put them in."""
    if not degree:
        return []
    by_ties = sorted(degree.items(), key=lambda item: -item[1])
    cut = by_ties[min(limit, len(by_ties)) - 1][1]
    contenders = [(n, d) for n, d in by_ties if d >= cut]
    names = _names(programme, [n for n, _ in contenders])
    contenders.sort(key=lambda item: (-item[1], names[item[0]].casefold(), _node_id(item[0])))
    return contenders[:limit]


def _names(programme, keys: list[int]) -> dict[int, str]:
    organisations = [k for k in keys if k > 0]
    projects = [-k for k in keys if k < 0]
    names: dict[int, str] = {}
    for start in range(0, len(organisations), 500):
        names.update(
            Organisation.objects.filter(
                programme=programme, pk__in=organisations[start : start + 500]
            ).values_list("pk", "name")
        )
    names.update(
        (-pk, name)
        for pk, name in CollaborativeProject.objects.filter(
            programme=programme, pk__in=projects
        ).values_list("pk", "name")
    )
    return names
