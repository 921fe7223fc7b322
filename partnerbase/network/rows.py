"""Which records make the partnership map's edges: each kind of tie's records as a queryset,
with the map's filters applied (period, challenge area, stage, published projects) and, for
a map cut down to some nodes, only the ties among them. `queries` reads them as the edges of
a graph; `summary` measures them in the database."""

from dataclasses import dataclass, field

from django.db.models import BigIntegerField, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from partnerbase.accelerator.models import CohortMembership, MembershipStatus
from partnerbase.brokering.models import Introduction, PartnershipPartner
from partnerbase.brokering.models.rounds import SENT_STATUSES
from partnerbase.core.period import Period
from partnerbase.funding.models import FundingAward
from partnerbase.projects.models import CoalitionMember, ProjectFunding

from .graph import COALITION, FUNDING, PARTNERSHIP

DEFAULT_KINDS = frozenset({PARTNERSHIP, COALITION, FUNDING})


@dataclass(frozen=True)
class MapFilters:
    period: Period | None = None
    challenge_area_id: int | None = None
    stage: str = ""
    sector: str = ""
    kinds: frozenset = field(default=DEFAULT_KINDS)
    # The public report's map: projects the team has not published are left out.
    published_projects_only: bool = False


@dataclass(frozen=True)
class Within:
    """Only the ties among these organisations and projects (by primary key)."""

    organisations: frozenset[int]
    projects: frozenset[int]

    @classmethod
    def of(cls, node_ids) -> "Within":
        return cls(
            frozenset(int(i[1:]) for i in node_ids if i[0] == "o"),
            frozenset(int(i[1:]) for i in node_ids if i[0] == "p"),
        )


def places(programme, period):
    """Cohort places that make an innovator: not withdrawn, begun by the period's end."""
    found = CohortMembership.objects.filter(cohort__accelerator__programme=programme).exclude(
        status=MembershipStatus.WITHDRAWN
    )
    if period:
        found = found.filter(Q(joined_on__isnull=True) | Q(joined_on__lte=period.end))
    return found


def cohort_places(programme, period):
    """{organisation id: challenge area id or None} for every innovator with a place: the
    area of its first place (by join date) that has one."""
    found: dict[int, int | None] = {}
    rows = places(programme, period).order_by("joined_on", "pk")
    for organisation, area in rows.values_list("organisation_id", "challenge_area_id"):
        if found.get(organisation) is None:
            found[organisation] = area
    return found


def _place_area(programme, period, organisation: str) -> Subquery:
    """The challenge area of the organisation (an outer reference)'s first place with one,
    as `cohort_places` gives it."""
    return Subquery(
        places(programme, period)
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


def partnership_rows(programme, filters: MapFilters, within: Within | None = None):
    """Partner rows (PartnershipPartner) of the partnerships on the map."""
    period, area = filters.period, filters.challenge_area_id
    rows = PartnershipPartner.objects.filter(partnership__programme=programme)
    if filters.stage:
        rows = rows.filter(partnership__stage=filters.stage)
    if period:
        rows = rows.filter(partnership__proposed_on__lte=period.end).exclude(
            partnership__ended_on__lt=period.start
        )
    if filters.published_projects_only:
        rows = rows.exclude(partnership__project__published=False)
    if within is not None:
        rows = rows.filter(
            Q(partnership__innovator_id__in=within.organisations)
            | Q(partnership__innovator__isnull=True, partnership__project_id__in=within.projects),
            organisation_id__in=within.organisations,
        )
    if area:
        rows = rows.annotate(area=_partnership_area(programme, period, "partnership__")).filter(
            area=area
        )
    return rows.order_by()


def coalition_rows(programme, filters: MapFilters, within: Within | None = None):
    """Coalition members on the map: joined by the period's end (with no join date, from the
    project's launch; with neither, always)."""
    period, area = filters.period, filters.challenge_area_id
    rows = CoalitionMember.objects.filter(project__programme=programme)
    if area:
        rows = rows.filter(project__challenge_area_id=area)
    if period:
        rows = rows.filter(
            Q(joined_on__lte=period.end)
            | Q(joined_on__isnull=True, project__launch_date__lte=period.end)
            | Q(joined_on__isnull=True, project__launch_date__isnull=True)
        )
    if filters.published_projects_only:
        rows = rows.filter(project__published=True)
    if within is not None:
        rows = rows.filter(project_id__in=within.projects, organisation_id__in=within.organisations)
    return rows.order_by()


def award_rows(programme, filters: MapFilters, within: Within | None = None):
    """Funding awards on the map: dated in the period."""
    period, area = filters.period, filters.challenge_area_id
    awards = FundingAward.objects.filter(programme=programme)
    if period:
        awards = awards.filter(award_date__range=(period.start, period.end))
    if within is not None:
        awards = awards.filter(
            funder_id__in=within.organisations, recipient_id__in=within.organisations
        )
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
    return awards.order_by()


def introduction_rows(programme, filters: MapFilters, within: Within | None = None):
    """Introductions on the map: sent in the period."""
    period, area = filters.period, filters.challenge_area_id
    rows = Introduction.objects.filter(
        programme=programme, status__in=SENT_STATUSES, sent_on__isnull=False
    )
    if period:
        rows = rows.filter(sent_on__range=(period.start, period.end))
    if within is not None:
        rows = rows.filter(
            innovator_id__in=within.organisations, partner_id__in=within.organisations
        )
    if area:
        rows = rows.annotate(
            area=Coalesce(
                F("need__challenge_area_id"),
                _place_area(programme, period, "innovator_id"),
                output_field=BigIntegerField(),
            )
        ).filter(area=area)
    return rows.order_by()
