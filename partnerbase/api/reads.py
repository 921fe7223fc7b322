"""Read endpoints: each kind of record answers with the rows its page shows the caller.

Every kind names the page's permission check (`allowed`, answered 403 like the page) and
the page's query (`rows`, already restricted to what the user may see): no visibility rule
is written here. A record outside those rows answers 404, as for another programme."""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from django.db.models import QuerySet
from rest_framework import generics, serializers
from rest_framework.exceptions import ValidationError

from partnerbase.accelerator.filters import CohortFilter
from partnerbase.accelerator.permissions import can_manage_accelerator
from partnerbase.accelerator.queries import cohort_list
from partnerbase.accounts.permissions import can_view_directory, can_view_programme
from partnerbase.brokering import queries as brokering
from partnerbase.brokering.filters import (
    IntroductionFilter,
    NeedFilter,
    OfferFilter,
    PartnershipFilter,
)
from partnerbase.brokering.permissions import (
    can_add_need,
    can_add_offer,
    can_broker,
    can_view_my_introductions,
)
from partnerbase.challenges.filters import ChallengeAreaFilter
from partnerbase.challenges.permissions import can_view_challenge_areas
from partnerbase.challenges.queries import area_list
from partnerbase.core.period import Period
from partnerbase.directory.filters import EngagementFilter, OrganisationFilter
from partnerbase.directory.models import Organisation
from partnerbase.directory.queries import engagement_list, organisation_list
from partnerbase.funding.filters import FundingAwardFilter
from partnerbase.funding.permissions import can_view_ledger
from partnerbase.funding.queries import award_list
from partnerbase.outcomes.filters import ObservationFilter, OutcomeIndicatorFilter
from partnerbase.outcomes.permissions import visible_indicators
from partnerbase.outcomes.queries import observation_list
from partnerbase.pledges.filters import PledgeFilter
from partnerbase.pledges.permissions import can_use_pledges
from partnerbase.pledges.queries import pledge_list
from partnerbase.projects.filters import CompetitionFilter, ProjectFilter
from partnerbase.projects.permissions import can_view_competitions, can_view_projects
from partnerbase.projects.queries import competition_list, project_list

from . import serializers as s
from .access import LoginFree, programme_for, visible_programmes


@dataclass(frozen=True)
class Kind:
    path: str
    serializer: type[serializers.ModelSerializer]
    allowed: Callable  # (user, programme) -> bool: the page's check
    rows: Callable  # (user, programme, query params) -> QuerySet: the page's query
    filters: dict = field(default_factory=dict)  # django-filter's filterset_fields
    page: str = ""  # the page whose rules these are
    filterset: type | None = None  # the page's own FilterSet, used instead of `filters`

    @property
    def model(self):
        return self.serializer.Meta.model


def _iso(params, name: str) -> date | None:
    value = params.get(name)
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValidationError({name: ["Give a date as YYYY-MM-DD."]}) from None


# --- the pages' queries, with the pages' own filters --------------------------------------


def _organisations(user, programme, params):
    return organisation_list(user=user, programme=programme).prefetch_related("identifiers")


def _engagements(user, programme, params):
    # The organisation pages list each organisation's engagements to directory readers.
    rows = engagement_list(user=user, programme=programme).prefetch_related("participants")
    return rows.order_by("-occurred_on", "id")


def _introductions(user, programme, params):
    return brokering.introduction_list(user=user, programme=programme)


def _partnerships(user, programme, params):
    start, end = _iso(params, "introduced_from"), _iso(params, "introduced_to")
    period = Period(start, end) if start and end and start <= end else None
    return brokering.partnership_list(user=user, programme=programme, introduced_in=period)


def _indicators(user, programme, params):
    return visible_indicators(user, programme).order_by("organisation_id", "name")


def _observations(user, programme, params):
    # The list page's query: the same rows as outcomes:observation_list.
    return observation_list(user=user, programme=programme)


def _pledges(user, programme, params):
    organisation = None
    if params.get("organisation"):
        organisation = Organisation.objects.filter(
            programme=programme, pk=_number(params, "organisation")
        ).first()
        if organisation is None:
            return pledge_list(user=user, programme=programme).none()
    return pledge_list(user=user, programme=programme, organisation=organisation)


def _number(params, name: str) -> int:
    try:
        return int(params[name])
    except ValueError:
        raise ValidationError({name: ["Give a record's id, a whole number."]}) from None


def _any_role(user, programme) -> bool:
    return can_view_programme(user, programme)


def _may_see_introductions(user, programme) -> bool:
    return can_broker(user, programme) or can_view_my_introductions(user, programme)


KINDS = [
    Kind(
        "organisations",
        s.OrganisationSerializer,
        can_view_directory,
        _organisations,
        {},
        "directory:organisation_list",
        OrganisationFilter,
    ),
    Kind(
        "engagements",
        s.EngagementSerializer,
        can_view_directory,
        _engagements,
        {},
        "directory:engagement_list",
        EngagementFilter,
    ),
    Kind(
        "needs",
        s.NeedSerializer,
        can_add_need,
        lambda user, programme, params: brokering.need_list(user=user, programme=programme),
        {},
        "brokering:need_list",
        NeedFilter,
    ),
    Kind(
        "offers",
        s.OfferSerializer,
        can_add_offer,
        lambda user, programme, params: brokering.offer_list(user=user, programme=programme),
        {},
        "brokering:offer_list",
        OfferFilter,
    ),
    Kind(
        "introductions",
        s.IntroductionSerializer,
        _may_see_introductions,
        _introductions,
        {},
        "brokering:my_introductions",
        IntroductionFilter,
    ),
    Kind(
        "partnerships",
        s.PartnershipSerializer,
        _any_role,
        _partnerships,
        {},
        "brokering:partnership_list",
        PartnershipFilter,
    ),
    Kind(
        "funding-awards",
        s.FundingAwardSerializer,
        can_view_ledger,
        lambda user, programme, params: award_list(user=user, programme=programme),
        {},
        "funding:ledger",
        FundingAwardFilter,
    ),
    Kind(
        "outcome-indicators",
        s.OutcomeIndicatorSerializer,
        _any_role,
        _indicators,
        {},
        "outcomes:innovator",
        OutcomeIndicatorFilter,
    ),
    Kind(
        "outcome-observations",
        s.OutcomeObservationSerializer,
        _any_role,
        _observations,
        {},
        "outcomes:observation_list",
        ObservationFilter,
    ),
    Kind(
        "pledges",
        s.PledgeSerializer,
        can_use_pledges,
        _pledges,
        {},
        "pledges:ledger",
        PledgeFilter,
    ),
    Kind(
        "projects",
        s.ProjectSerializer,
        can_view_projects,
        lambda user, programme, params: project_list(user=user, programme=programme),
        {},
        "projects:project_list",
        ProjectFilter,
    ),
    Kind(
        "competitions",
        s.CompetitionSerializer,
        can_view_competitions,
        lambda user, programme, params: competition_list(user=user, programme=programme),
        {},
        "projects:competition_list",
        CompetitionFilter,
    ),
    Kind(
        "challenge-areas",
        s.ChallengeAreaSerializer,
        can_view_challenge_areas,
        lambda user, programme, params: area_list(programme=programme),
        {},
        "challenges:area_list",
        ChallengeAreaFilter,
    ),
    Kind(
        "cohorts",
        s.CohortSerializer,
        can_manage_accelerator,
        lambda user, programme, params: cohort_list(programme=programme).order_by("id"),
        {},
        "accelerator:home",
        CohortFilter,
    ),
]
KINDS_BY_PATH = {kind.path: kind for kind in KINDS}


class Rows:
    kind: Kind

    def get_queryset(self) -> QuerySet:
        if getattr(self, "swagger_fake_view", False):  # the schema, without a caller
            return self.kind.model.objects.none()
        programme = programme_for(self.request, self.kwargs["slug"], self.kind.allowed)
        return self.kind.rows(self.request.user, programme, self.request.query_params)


class RecordList(LoginFree, Rows, generics.ListAPIView):
    pass


class RecordDetail(LoginFree, Rows, generics.RetrieveAPIView):
    lookup_field = "uid"
    filter_backends: list = []


def views_for(kind: Kind) -> tuple[type, type]:
    name = "".join(part.title() for part in kind.path.split("-"))
    attrs = {
        "kind": kind,
        "serializer_class": kind.serializer,
        "queryset": kind.model.objects.none(),
        "filterset_fields": kind.filters,
    }
    if kind.filterset is not None:  # the page's filters: the same rows for the same query
        attrs["filterset_class"] = kind.filterset
    listing = type(f"{name}List", (RecordList,), {**attrs, "__doc__": _doc(kind, "List")})
    detail = type(f"{name}Detail", (RecordDetail,), {**attrs, "__doc__": _doc(kind, "One of")})
    return listing, detail


def _doc(kind: Kind, what: str) -> str:
    return (
        f"{what} the programme's {kind.path.replace('-', ' ')} you may see: the same rows "
        f"and the same permission as the page ({kind.page})."
    )


class ProgrammeList(LoginFree, generics.ListAPIView):
    """The programmes you hold a role in (only the token's programme, if it names one)."""

    serializer_class = s.ProgrammeSerializer
    queryset = s.ProgrammeSerializer.Meta.model.objects.none()

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return self.queryset
        return visible_programmes(self.request).order_by("name")


class ProgrammeDetail(LoginFree, generics.RetrieveAPIView):
    """One programme you hold a role in."""

    serializer_class = s.ProgrammeSerializer
    queryset = s.ProgrammeSerializer.Meta.model.objects.none()

    def get_object(self):
        return programme_for(self.request, self.kwargs["slug"])
