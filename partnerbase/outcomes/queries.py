"""Before-and-after views of innovators' outcomes, for one innovator or a whole cohort."""

from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from partnerbase.accelerator.models import Cohort, CohortMembership, MembershipStatus
from partnerbase.directory.models import Organisation

from .change import BeforeAfter, Point, Total, before_after, cohort_total
from .models import OutcomeIndicator, OutcomeKind, OutcomeObservation
from .permissions import visible_observations


@dataclass
class IndicatorRow:
    indicator: OutcomeIndicator
    observations: list
    result: BeforeAfter
    membership: CohortMembership | None = None

    @property
    def words(self) -> str:
        return self.result.words(self.indicator.unit)


@dataclass
class KindSection:
    kind: str
    label: str
    rows: list = field(default_factory=list)
    total: Total | None = None
    unit: str = ""


def _with_observations(indicators):
    return indicators.prefetch_related(
        Prefetch("observations", queryset=OutcomeObservation.objects.order_by("observed_on", "id"))
    )


def _row(indicator, joined_on, membership=None) -> IndicatorRow:
    observations = list(indicator.observations.all())
    points = [Point(o.observed_on, o.value, o.quality) for o in observations]
    return IndicatorRow(indicator, observations, before_after(points, joined_on), membership)


def observation_list(*, user, programme) -> QuerySet:
    """The observations the user may see (permissions.visible_observations), newest first."""
    return visible_observations(user, programme).order_by("-observed_on", "-id")


def organisation_get(*, programme, uid) -> Organisation:
    organisation = Organisation.objects.filter(programme=programme, uid=uid).first()
    if organisation is None:
        raise Http404("No such organisation in this programme.")
    return organisation


def latest_membership(organisation) -> CohortMembership | None:
    return (
        CohortMembership.objects.filter(organisation=organisation)
        .select_related("cohort")
        .order_by("-joined_on")
        .first()
    )


def innovator_outcomes(organisation) -> tuple[CohortMembership | None, list[IndicatorRow]]:
    membership = latest_membership(organisation)
    joined_on = membership.joined_on if membership else None
    indicators = _with_observations(OutcomeIndicator.objects.filter(organisation=organisation))
    return membership, [_row(i, joined_on, membership) for i in indicators]


def programme_cohorts(programme):
    return Cohort.objects.filter(accelerator__programme=programme).order_by("-starts_on", "name")


def cohort_outcomes(cohort: Cohort) -> list[KindSection]:
    """One section per kind of indicator, each innovator's before and after, and the cohort's
    total where every row counts in the same unit. Innovators who withdrew are left out."""
    memberships = {
        m.organisation_id: m
        for m in cohort.memberships.exclude(status=MembershipStatus.WITHDRAWN).select_related(
            "organisation"
        )
    }
    indicators = _with_observations(
        OutcomeIndicator.objects.filter(organisation_id__in=list(memberships)).select_related(
            "organisation"
        )
    )
    sections: dict[str, KindSection] = {}
    for indicator in indicators:
        m = memberships[indicator.organisation_id]
        section = sections.setdefault(
            indicator.kind,
            KindSection(indicator.kind, OutcomeKind(indicator.kind).label),
        )
        section.rows.append(_row(indicator, m.joined_on, m))
    ordered = [sections[k] for k in OutcomeKind.values if k in sections]
    for section in ordered:
        section.rows.sort(key=lambda r: (r.indicator.organisation.name, r.indicator.name))
        units = {r.indicator.unit for r in section.rows}
        if len(units) == 1 and section.kind != OutcomeKind.OTHER:
            section.unit = units.pop()
            section.total = cohort_total(r.result for r in section.rows)
    return ordered
