"""Writes for the main flows: each checks what its page checks (the same permission
functions), validates with the page's form and saves with the page's service, so the
history row names the token's holder. A record the caller may not see answers 404; one
they may see but not change, 403; a form or domain error, 400 with each field's messages."""

from django.http import Http404
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response
from rest_framework.views import APIView

from partnerbase.accounts.permissions import can_manage_programme
from partnerbase.brokering import services as brokering_services
from partnerbase.brokering.forms import PAGE_MOVES, MoveForm, NeedForm, OfferForm, RespondForm
from partnerbase.brokering.permissions import can_move_partnership, introduction_sides
from partnerbase.brokering.stages import can_move
from partnerbase.brokering.wants import NEED, OFFER, Want
from partnerbase.core.words import article
from partnerbase.directory import services as directory_services
from partnerbase.directory.forms import EngagementForm, OrganisationForm
from partnerbase.directory.queries import organisation_get
from partnerbase.funding import services as funding_services
from partnerbase.funding.forms import AwardForm
from partnerbase.funding.permissions import can_record_award
from partnerbase.outcomes import services as outcome_services
from partnerbase.outcomes.forms import ObservationForm
from partnerbase.outcomes.models import ObservationQuality, OutcomeIndicator
from partnerbase.outcomes.permissions import can_record_outcomes, can_verify_outcomes

from . import serializers as s
from .access import LoginFree, programme_for
from .forms import bound_form, form_serializer
from .reads import KINDS_BY_PATH, views_for

_area = {"challenge_area": serializers.IntegerField(required=False, help_text="Challenge area id")}
OrganisationInput = form_serializer(
    OrganisationForm,
    "OrganisationInput",
    extra={
        "identifiers": serializers.ListField(
            child=serializers.CharField(), required=False, help_text="Org-id identifiers"
        )
    },
)
EngagementInput = form_serializer(EngagementForm, "EngagementInput")
NeedInput = form_serializer(NeedForm, "NeedInput", extra=_area)
NeedChange = form_serializer(NeedForm, "NeedChange", extra=_area, drop=("innovator",))
_offer_areas = {
    **_area,
    "preferred_challenge_area": serializers.IntegerField(
        required=False, help_text="Preferred challenge area id"
    ),
}
OfferInput = form_serializer(OfferForm, "OfferInput", extra=_offer_areas)
OfferChange = form_serializer(OfferForm, "OfferChange", extra=_offer_areas, drop=("partner",))
AnswerInput = form_serializer(
    RespondForm,
    "AnswerInput",
    extra={
        "side": serializers.ChoiceField(
            choices=["innovator", "partner"],
            required=False,
            help_text="Whose answer, if you speak for both sides",
        )
    },
)
StageInput = form_serializer(MoveForm, "StageInput", extra={"stage": serializers.CharField()})
AwardInput = form_serializer(AwardForm, "AwardInput")
ObservationInput = form_serializer(ObservationForm, "ObservationInput")


def _created(record, serializer) -> Response:
    return Response(serializer(record).data, status=status.HTTP_201_CREATED)


def _visible(kind_path: str, request, programme, uid):
    """The record among the rows the caller's page shows them, else 404."""
    kind = KINDS_BY_PATH[kind_path]
    record = kind.rows(request.user, programme, {}).filter(uid=uid).first()
    if record is None:
        raise Http404(f"No such record among your {kind_path}")
    return record


def _check(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


# --- records made from a list's URL ------------------------------------------------------


class OrganisationCreate:
    @extend_schema(request=OrganisationInput, responses={201: s.OrganisationSerializer})
    def post(self, request, slug):
        """Add an organisation (the convening team), as the organisation form does."""
        programme = programme_for(request, slug, can_manage_programme)
        form = bound_form(OrganisationForm, request.data)
        organisation = directory_services.organisation_create(
            actor=request.user, programme=programme, **form.cleaned_data
        )
        return _created(organisation, s.OrganisationSerializer)


def _want_views(want: Want, path: str, create_input, change_input, serializer) -> tuple[type, type]:
    """The API's add and change of a need or an offer, from the shape the pages use."""

    class Create:
        @extend_schema(
            request=create_input,
            responses={201: serializer},
            description=f"Record {article(want.name)}, for {article(want.owner)} you may "
            f"record {want.name}s for.",
        )
        def post(self, request, slug):
            programme = programme_for(request, slug, want.may_add)
            arguments = want.form_arguments(user=request.user, programme=programme)
            form = bound_form(want.form, request.data, **arguments)
            record = want.create(actor=request.user, programme=programme, **form.cleaned_data)
            return _created(record, serializer)

    class Change:
        @extend_schema(
            request=change_input,
            responses={200: serializer},
            description=f"Change {article(want.name)} (every field, as its form; the "
            f"{want.owner} stays).",
        )
        def put(self, request, slug, uid):
            programme = programme_for(request, slug, want.may_add)
            record = _visible(path, request, programme, uid)
            _check(want.may_change(request.user, record))
            data = request.data
            if isinstance(data, dict):
                data = {**data, want.owner: getattr(record, f"{want.owner}_id")}
            arguments = want.form_arguments(user=request.user, programme=programme)
            form = bound_form(want.form, data, **arguments)
            changes = want.changes(form.cleaned_data)
            record = want.update(actor=request.user, record=record, **changes)
            return Response(serializer(record).data)

    return Create, Change


NeedCreate, NeedChangeView = _want_views(NEED, "needs", NeedInput, NeedChange, s.NeedSerializer)
OfferCreate, OfferChangeView = _want_views(
    OFFER, "offers", OfferInput, OfferChange, s.OfferSerializer
)


class AwardCreate:
    @extend_schema(request=AwardInput, responses={201: s.FundingAwardSerializer})
    def post(self, request, slug):
        """Record a funding award (the convening team and accelerator managers)."""
        programme = programme_for(request, slug, can_record_award)
        form = bound_form(AwardForm, request.data, programme=programme)
        award = funding_services.funding_award_record(
            actor=request.user, programme=programme, **form.cleaned_data
        )
        return _created(award, s.FundingAwardSerializer)


# --- actions on one record ---------------------------------------------------------------


class EngagementRecord(LoginFree, APIView):
    @extend_schema(request=EngagementInput, responses={201: s.EngagementSerializer})
    def post(self, request, slug, uid):
        """Record an engagement with an organisation (the convening team)."""
        programme = programme_for(request, slug, can_manage_programme)
        organisation = organisation_get(programme=programme, uid=uid)
        form = bound_form(EngagementForm, request.data)
        engagement = directory_services.engagement_record(
            actor=request.user, programme=programme, organisation=organisation, **form.cleaned_data
        )
        return _created(engagement, s.EngagementSerializer)


class IntroductionAnswer(LoginFree, APIView):
    @extend_schema(request=AnswerInput, responses={200: s.IntroductionSerializer})
    def post(self, request, slug, uid):
        """Accept or decline an introduction sent to an organisation you speak for."""
        programme = programme_for(request, slug)
        introduction = _visible("introductions", request, programme, uid)
        sides = introduction_sides(request.user, introduction)
        _check(bool(sides))
        wanted = request.data.get("side") if isinstance(request.data, dict) else None
        side = wanted if wanted in sides else sides[0]
        form = bound_form(RespondForm, request.data)
        brokering_services.introduction_respond(
            actor=request.user,
            introduction=introduction,
            side=side,
            accept=form.cleaned_data["answer"] == "accept",
            reason=form.cleaned_data["reason"],
            on=timezone.localdate(),
        )
        introduction.refresh_from_db()
        return Response(s.IntroductionSerializer(introduction).data)


class PartnershipStage(LoginFree, APIView):
    @extend_schema(request=StageInput, responses={200: s.PartnershipSerializer})
    def post(self, request, slug, uid):
        """Move a partnership on (confirmed, active, completed, declined, lapsed): brokers."""
        programme = programme_for(request, slug)
        partnership = _visible("partnerships", request, programme, uid)
        _check(can_move_partnership(request.user, partnership))
        stages = [stage for stage in PAGE_MOVES if can_move(partnership.stage, stage)]
        form = bound_form(MoveForm, request.data, stages=stages)
        partnership = brokering_services.partnership_move(
            actor=request.user,
            partnership=partnership,
            stage=form.cleaned_data["stage"],
            on=form.cleaned_data["on"],
            estimated_value=form.cleaned_data["estimated_value"],
        )
        return Response(s.PartnershipSerializer(partnership).data)


class ObservationRecord(LoginFree, APIView):
    @extend_schema(request=ObservationInput, responses={201: s.OutcomeObservationSerializer})
    def post(self, request, slug, uid):
        """Record an outcome observation for an indicator (an innovator's own are estimates
        until the team verifies them)."""
        programme = programme_for(request, slug)
        indicator = (
            OutcomeIndicator.objects.filter(programme=programme, uid=uid)
            .select_related("organisation")
            .first()
        )
        if indicator is None or not _visible_indicator(request, programme, indicator):
            raise Http404("No such indicator among yours")
        _check(can_record_outcomes(request.user, programme, indicator.organisation))
        may_verify = can_verify_outcomes(request.user, programme)
        form = bound_form(ObservationForm, request.data, may_verify=may_verify)
        data = dict(form.cleaned_data)
        data.setdefault("quality", ObservationQuality.ESTIMATE)
        observation = outcome_services.outcome_observation_record(
            actor=request.user, indicator=indicator, **data
        )
        return _created(observation, s.OutcomeObservationSerializer)


def _visible_indicator(request, programme, indicator) -> bool:
    return (
        KINDS_BY_PATH["outcome-indicators"]
        .rows(request.user, programme, {})
        .filter(pk=indicator.pk)
        .exists()
    )


# Which list and detail views also write, and how.
LIST_WRITES = {
    "organisations": OrganisationCreate,
    "needs": NeedCreate,
    "offers": OfferCreate,
    "funding-awards": AwardCreate,
}
DETAIL_WRITES = {"needs": NeedChangeView, "offers": OfferChangeView}


def record_views(kind) -> tuple[type, type]:
    """The list and detail views of a kind, with its writes mixed in."""
    listing, detail = views_for(kind)
    if kind.path in LIST_WRITES:
        listing = type(listing.__name__, (LIST_WRITES[kind.path], listing), {})
    if kind.path in DETAIL_WRITES:
        detail = type(detail.__name__, (DETAIL_WRITES[kind.path], detail), {})
    return listing, detail
