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
from dataclasses import dataclass, field
from uuid import UUID

from django.db.models import (
    BigIntegerField,
    CharField,
    Count,
    F,
    Max,
    Min,
    OuterRef,
    Q,
    Subquery,
    Sum,
)
from django.db.models.functions import Cast, Coalesce
from django.urls import reverse

from partnerbase.accelerator.models import CohortMembership, MembershipStatus
from partnerbase.accounts.permissions import can_view_directory
from partnerbase.brokering.models import Introduction, PartnershipPartner
from partnerbase.brokering.models.rounds import SENT_STATUSES
from partnerbase.brokering.permissions import can_broker, can_view_partnerships
from partnerbase.core.period import Period
from partnerbase.directory.models import Organisation, OrganisationKind
from partnerbase.funding.models import FundingAward
from partnerbase.funding.permissions import sees_whole_ledger
from partnerbase.projects.models import CoalitionMember, CollaborativeProject, ProjectFunding
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

DEFAULT_KINDS = frozenset({PARTNERSHIP, COALITION, FUNDING})
# Past this many organisations on the map, read the programme's all rather than name each
# in an IN list (SQLite limits a statement's parameters).
MOST_LOOKED_UP = 2000
PLACEHOLDER = UUID(int=0)


@dataclass(frozen=True)
class MapFilters:
    period: Period | None = None
    challenge_area_id: int | None = None
    stage: str = ""
    sector: str = ""
    kinds: frozenset = field(default=DEFAULT_KINDS)
    # The public report's map: projects the team has not published are left out.
    published_projects_only: bool = False


def _places(programme, period):
    """Cohort places that make an innovator: not withdrawn, begun by the period's end."""
    places = CohortMembership.objects.filter(cohort__accelerator__programme=programme).exclude(
        status=MembershipStatus.WITHDRAWN
    )
    if period:
        places = places.filter(Q(joined_on__isnull=True) | Q(joined_on__lte=period.end))
    return places


def _cohort_places(programme, period):
    """{organisation id: challenge area id or None} for every innovator with a place: the
    area of its first place (by join date) that has one."""
    found: dict[int, int | None] = {}
    rows = _places(programme, period).order_by("joined_on", "pk")
    for organisation, area in rows.values_list("organisation_id", "challenge_area_id"):
        if found.get(organisation) is None:
            found[organisation] = area
    return found


def _place_area(programme, period, organisation: str) -> Subquery:
    """The challenge area of the organisation (an outer reference)'s first place with one,
    as `_cohort_places` gives it."""
    return Subquery(
        _places(programme, period)
        .filter(organisation=OuterRef(organisation), challenge_area__isnull=False)
        .order_by("joined_on", "pk")
        .values("challenge_area_id")[:1]
    )


def _partnership_area(programme, period, prefix: str) -> Coalesce:
    """A partnership's challenge area (the partnership an outer reference by `prefix`): its
    project's, else its introduction's need's, else its innovator's cohort place's. The need
    is read by a subquery, not a join: on SQLite a LEFT JOIN from partnerships to
    introductions scanned every introduction for each partnership (Introduction.partnership
    is mostly empty, so its index looks useless to the planner)."""
    need = Subquery(
        Introduction.objects.filter(partnership=OuterRef(f"{prefix}id"))
        .order_by()
        .values("need__challenge_area_id")[:1]
    )
    return Coalesce(
        F(f"{prefix}project__challenge_area_id"),
        need,
        _place_area(programme, period, f"{prefix}innovator_id"),
        output_field=BigIntegerField(),
    )


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


def _partnership_edges(programme, filters, links) -> list[Edge]:
    """One edge per innovator (or project), partner and stage."""
    period, area = filters.period, filters.challenge_area_id
    rows = PartnershipPartner.objects.filter(partnership__programme=programme)
    if filters.stage:
        rows = rows.filter(partnership__stage=filters.stage)
    if period:
        rows = rows.filter(partnership__proposed_on__lte=period.end).exclude(
            partnership__ended_on__lt=period.start
        )
    if area:
        rows = rows.annotate(area=_partnership_area(programme, period, "partnership__")).filter(
            area=area
        )
    rows = (
        rows.order_by()
        .values(
            "partnership__innovator_id",
            "partnership__project_id",
            "organisation_id",
            "partnership__stage",
        )
        .annotate(
            n=Count("id"),
            on=Min("partnership__proposed_on"),
            name=Max("partnership__name"),
            uid=_uid("partnership__uid"),
        )
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


def _coalition_edges(programme, filters, projects) -> list[Edge]:
    """One edge per project and member organisation."""
    period, area = filters.period, filters.challenge_area_id
    rows = CoalitionMember.objects.filter(project__programme=programme)
    if area:
        rows = rows.filter(project__challenge_area_id=area)
    if period:
        # Joined by the period's end; with no join date, the project's launch; with neither,
        # always.
        rows = rows.filter(
            Q(joined_on__lte=period.end)
            | Q(joined_on__isnull=True, project__launch_date__lte=period.end)
            | Q(joined_on__isnull=True, project__launch_date__isnull=True)
        )
    rows = (
        rows.order_by()
        .values("project_id", "organisation_id")
        .annotate(
            n=Count("id"),
            role=Min("role"),
            joined=Min("joined_on"),
            launched=Min("project__launch_date"),
        )
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


def _funding_edges(programme, filters, links) -> list[Edge]:
    """One edge per funder and recipient, with how many awards and their sums by currency."""
    period, area = filters.period, filters.challenge_area_id
    awards = FundingAward.objects.filter(programme=programme)
    if period:
        awards = awards.filter(award_date__range=(period.start, period.end))
    if area:
        project_area = Subquery(
            ProjectFunding.objects.filter(award=OuterRef("pk"))
            .order_by("pk")
            .values("project__challenge_area_id")[:1]
        )
        awards = awards.annotate(
            area=Coalesce(
                _partnership_area(programme, period, "via_partnership__"),
                project_area,
                _place_area(programme, period, "recipient_id"),
                output_field=BigIntegerField(),
            )
        ).filter(area=area)
    rows = (
        awards.order_by()
        .values("funder_id", "recipient_id", "currency")
        .annotate(
            n=Count("id"),
            total=Sum("amount_minor"),
            on=Max("award_date"),
            title=Max("title"),
            uid=_uid("uid"),
        )
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


def _introduction_edges(programme, filters, links) -> list[Edge]:
    """One edge per innovator and partner introduced."""
    period, area = filters.period, filters.challenge_area_id
    rows = Introduction.objects.filter(
        programme=programme, status__in=SENT_STATUSES, sent_on__isnull=False
    )
    if period:
        rows = rows.filter(sent_on__range=(period.start, period.end))
    if area:
        rows = rows.annotate(
            area=Coalesce(
                F("need__challenge_area_id"),
                _place_area(programme, period, "innovator_id"),
                output_field=BigIntegerField(),
            )
        ).filter(area=area)
    rows = (
        rows.order_by()
        .values("innovator_id", "partner_id")
        .annotate(n=Count("id"), on=Max("sent_on"), round=_uid("round__uid"))
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


def network_graph(programme, *, filters: MapFilters = MapFilters(), user=None) -> Graph:
    """The programme's map with `filters`, with links to the records `user` may open."""
    kinds = filters.kinds
    links = _Links(user, programme)
    places = _cohort_places(programme, filters.period)
    projects = {
        row["pk"]: row
        for row in CollaborativeProject.objects.filter(programme=programme)
        .order_by()
        .values("pk", "uid", "name", "challenge_area_id", "published")
    }
    edges: list[Edge] = []
    if PARTNERSHIP in kinds:
        edges += _partnership_edges(programme, filters, links)
    if COALITION in kinds:
        edges += _coalition_edges(programme, filters, projects)
    if FUNDING in kinds:
        edges += _funding_edges(programme, filters, links)
    if INTRODUCTION in kinds:
        edges += _introduction_edges(programme, filters, links)
    if filters.published_projects_only:
        hidden = {f"p{pk}" for pk, row in projects.items() if not row["published"]}
        edges = [e for e in edges if e.source not in hidden and e.target not in hidden]
        projects = {pk: row for pk, row in projects.items() if row["published"]}
    return _with_nodes(programme, edges, places, projects, filters, links)


def _with_nodes(programme, edges, places, projects, filters, links) -> Graph:
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
    wanted = {int(i[1:]) for e in edges for i in (e.source, e.target) if i[0] == "o"}
    wanted |= {int(i[1:]) for i in innovators}
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
    for node_id in innovators | {i for e in edges for i in (e.source, e.target)}:
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
        if node_id in innovators or INNOVATOR in mine:
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
