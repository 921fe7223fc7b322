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

The rows are read with values() — a handful of queries whatever the size of the programme.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from uuid import UUID

from django.urls import reverse

from partnerbase.accelerator.models import CohortMembership, MembershipStatus
from partnerbase.accounts.permissions import can_view_directory
from partnerbase.brokering.models import Introduction, Partnership, PartnershipPartner
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


def _in(period: Period | None, day) -> bool:
    return period is None or (day is not None and period.start <= day <= period.end)


def _began(period: Period | None, day) -> bool:
    """Began by the period's end (an unknown start counts)."""
    return period is None or day is None or day <= period.end


def _cohort_places(programme, period):
    """{organisation id: challenge area id or None} for every innovator with a place."""
    places = (
        CohortMembership.objects.filter(cohort__accelerator__programme=programme)
        .exclude(status=MembershipStatus.WITHDRAWN)
        .order_by("joined_on", "pk")
        .order_by()
        .values_list("organisation_id", "challenge_area_id", "joined_on")
    )
    found: dict[int, int | None] = {}
    for organisation, area, joined in places:
        if _began(period, joined) and found.get(organisation) is None:
            found[organisation] = area
    return found


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
        if not allowed:
            return ""
        # One reverse() per kind of page, then the uid put in: thousands of reverse()
        # calls were most of the query's time on a big map.
        if name not in self._patterns:
            self._patterns[name] = reverse(name, args=[self.slug, PLACEHOLDER])
        return self._patterns[name].replace(str(PLACEHOLDER), str(uid))


def network_graph(programme, *, filters: MapFilters = MapFilters(), user=None) -> Graph:
    """The programme's map with `filters`, with links to the records `user` may open."""
    period, area, kinds = filters.period, filters.challenge_area_id, filters.kinds
    links = _Links(user, programme)
    places = _cohort_places(programme, period)
    projects = {
        row["pk"]: row
        for row in CollaborativeProject.objects.filter(programme=programme)
        .order_by()
        .values("pk", "uid", "name", "challenge_area_id", "published")
    }
    edges: list[Edge] = []
    partnership_area: dict[int, int | None] = {}

    rows = (
        Partnership.objects.filter(programme=programme)
        .order_by()
        .values(
            "pk",
            "uid",
            "name",
            "innovator_id",
            "project_id",
            "stage",
            "proposed_on",
            "ended_on",
            "introduction__need__challenge_area_id",
        )
    )
    partnerships = {row["pk"]: row for row in rows}
    for row in partnerships.values():
        project = projects.get(row["project_id"])
        partnership_area[row["pk"]] = (
            (project and project["challenge_area_id"])
            or row["introduction__need__challenge_area_id"]
            or places.get(row["innovator_id"])
        )
    if PARTNERSHIP in kinds:
        partner_rows = (
            PartnershipPartner.objects.filter(partnership__programme=programme)
            .order_by()
            .values_list("partnership_id", "organisation_id")
        )
        for partnership_id, organisation in partner_rows:
            row = partnerships[partnership_id]
            if filters.stage and row["stage"] != filters.stage:
                continue
            if period and (
                row["proposed_on"] > period.end
                or (row["ended_on"] and row["ended_on"] < period.start)
            ):
                continue
            if area and partnership_area[partnership_id] != area:
                continue
            source = f"o{row['innovator_id']}" if row["innovator_id"] else f"p{row['project_id']}"
            edges.append(
                Edge(
                    source,
                    f"o{organisation}",
                    PARTNERSHIP,
                    label=row["name"],
                    stage=row["stage"],
                    on=row["proposed_on"],
                    url=links.url(links.partnerships, "brokering:partnership_detail", row["uid"]),
                )
            )

    if COALITION in kinds:
        members = (
            CoalitionMember.objects.filter(project__programme=programme)
            .order_by()
            .values_list(
                "project_id", "organisation_id", "role", "joined_on", "project__launch_date"
            )
        )
        for project_id, organisation, role, joined, launched in members:
            project = projects[project_id]
            if area and project["challenge_area_id"] != area:
                continue
            if not _began(period, joined or launched):
                continue
            edges.append(
                Edge(
                    f"p{project_id}",
                    f"o{organisation}",
                    COALITION,
                    label=f"{role.capitalize()} in {project['name']}",
                    on=joined or launched,
                )
            )

    if FUNDING in kinds:
        project_of = dict(
            ProjectFunding.objects.filter(project__programme=programme)
            .order_by()
            .values_list("award_id", "project_id")
        )
        awards = FundingAward.objects.filter(programme=programme)
        if period:
            awards = awards.filter(award_date__range=(period.start, period.end))
        for row in awards.order_by().values(
            "pk", "uid", "title", "funder_id", "recipient_id", "award_date", "via_partnership_id"
        ):
            if area:
                project = projects.get(project_of.get(row["pk"]))
                award_area = (
                    partnership_area.get(row["via_partnership_id"])
                    or (project and project["challenge_area_id"])
                    or places.get(row["recipient_id"])
                )
                if award_area != area:
                    continue
            edges.append(
                Edge(
                    f"o{row['funder_id']}",
                    f"o{row['recipient_id']}",
                    FUNDING,
                    label=row["title"],
                    on=row["award_date"],
                    url=links.url(links.awards, "funding:award_detail", row["uid"]),
                )
            )

    if INTRODUCTION in kinds:
        introductions = Introduction.objects.filter(
            programme=programme, status__in=SENT_STATUSES, sent_on__isnull=False
        )
        if period:
            introductions = introductions.filter(sent_on__range=(period.start, period.end))
        for row in introductions.order_by().values(
            "innovator_id", "partner_id", "sent_on", "need__challenge_area_id", "round__uid"
        ):
            if area and (row["need__challenge_area_id"] or places.get(row["innovator_id"])) != area:
                continue
            edges.append(
                Edge(
                    f"o{row['innovator_id']}",
                    f"o{row['partner_id']}",
                    INTRODUCTION,
                    label="Introduction",
                    on=row["sent_on"],
                    url=links.url(links.rounds, "brokering:round_detail", row["round__uid"]),
                )
            )

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
    organisations = {
        row["pk"]: row
        for row in Organisation.objects.filter(programme=programme, pk__in=wanted)
        .order_by()
        .values("pk", "uid", "name", "kind", "sector_group")
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
            url=links.url(links.organisations, "directory:organisation_detail", row["uid"]),
        )
    ordered = sorted(nodes.values(), key=lambda n: (n.label.casefold(), n.id))
    return Graph(nodes=ordered, edges=edges)
