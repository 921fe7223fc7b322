"""Reads for the accelerator, restricted to what the user may see."""

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404

from partnerbase.brokering.models import Need, Partnership
from partnerbase.calls.models import Application, ApplicationStatus, Call

from .models import (
    Accelerator,
    Attendance,
    Cohort,
    CohortMembership,
    MembershipStatus,
    Milestone,
    MilestoneStatus,
    SelectionDecision,
    SupportSession,
)
from .permissions import can_manage_accelerator, innovator_organisations, visible_places


def accelerator_list(*, programme) -> QuerySet:
    return (
        Accelerator.objects.filter(programme=programme)
        .select_related("delivery_partner")
        .annotate(cohort_count=Count("cohorts"))
    )


def accelerator_get(*, programme, uid) -> Accelerator:
    return get_object_or_404(
        Accelerator.objects.select_related("delivery_partner"), programme=programme, uid=uid
    )


def cohort_list(*, programme) -> QuerySet:
    return (
        Cohort.objects.filter(accelerator__programme=programme)
        .select_related("accelerator")
        .annotate(
            innovator_count=Count(
                "memberships", filter=~Q(memberships__status=MembershipStatus.WITHDRAWN)
            )
        )
    )


def cohort_get(*, programme, uid) -> Cohort:
    return get_object_or_404(
        Cohort.objects.select_related("accelerator"), accelerator__programme=programme, uid=uid
    )


def submitted_applications(*, call: Call) -> QuerySet:
    """The call's submitted applications with their decisions, for the selection page."""
    return (
        Application.objects.filter(call=call, status=ApplicationStatus.SUBMITTED)
        .select_related(
            "organisation", "challenge_area", "selection__decided_by", "selection__membership"
        )
        .order_by("organisation__name")
    )


def application_get(*, call: Call, uid) -> Application:
    return get_object_or_404(submitted_applications(call=call), uid=uid)


def memberships(*, cohort: Cohort) -> QuerySet:
    return cohort.memberships.select_related("organisation", "challenge_area").annotate(
        sessions_attended=Count("attendances", distinct=True),
        milestones_total=Count("milestones", distinct=True),
        milestones_achieved=Count(
            "milestones", filter=Q(milestones__status=MilestoneStatus.ACHIEVED), distinct=True
        ),
    )


def membership_get(*, programme, uid) -> CohortMembership:
    return get_object_or_404(
        CohortMembership.objects.select_related(
            "organisation", "challenge_area", "cohort__accelerator__programme"
        ),
        cohort__accelerator__programme=programme,
        uid=uid,
    )


def own_memberships(*, user, programme) -> QuerySet:
    """The cohort places of the organisations `user` acts for as an innovator."""
    return CohortMembership.objects.filter(
        cohort__accelerator__programme=programme,
        organisation_id__in=innovator_organisations(user, programme),
    ).select_related("organisation", "cohort")


def sessions(*, cohort: Cohort) -> QuerySet:
    return cohort.sessions.annotate(attendance_count=Count("attendances"))


def session_get(*, programme, uid) -> SupportSession:
    return get_object_or_404(
        SupportSession.objects.select_related("cohort__accelerator"),
        cohort__accelerator__programme=programme,
        uid=uid,
    )


def milestone_get(*, programme, uid) -> Milestone:
    return get_object_or_404(
        Milestone.objects.select_related(
            "membership__organisation", "membership__cohort__accelerator__programme"
        ),
        membership__cohort__accelerator__programme=programme,
        uid=uid,
    )


def cohort_milestones(*, cohort: Cohort) -> QuerySet:
    return Milestone.objects.filter(membership__cohort=cohort).select_related(
        "membership__organisation"
    )


def innovator_page(*, membership: CohortMembership) -> dict:
    """Everything on an innovator's own page."""
    org = membership.organisation
    programme = membership.cohort.accelerator.programme
    attended = (
        SupportSession.objects.filter(attendances__membership=membership)
        .order_by("held_on")
        .distinct()
    )
    applications = (
        Application.objects.filter(call__programme=programme, organisation=org)
        .select_related("call", "challenge_area", "selection")
        .order_by("call__title")
    )
    return {
        "milestones": membership.milestones.all(),
        "sessions": attended,
        "needs": Need.objects.filter(programme=programme, innovator=org).select_related(
            "challenge_area"
        ),
        "partnerships": Partnership.objects.filter(programme=programme, innovator=org)
        .prefetch_related("partners__organisation")
        .order_by("-introduced_on", "name"),
        "applications": applications,
    }


def own_applications(*, user, programme) -> QuerySet:
    """Applications of the organisations `user` acts for, for the decision they were told."""
    return (
        Application.objects.filter(
            call__programme=programme,
            organisation_id__in=innovator_organisations(user, programme),
        )
        .select_related("call", "organisation", "selection")
        .order_by("call__title")
    )


def place_list(*, user, programme) -> QuerySet:
    """Cohort places: every one for managers (the cohort pages), the organisations' own
    for an innovator (their page)."""
    return visible_places(user, programme).order_by("cohort_id", "id")


def session_list(*, user, programme) -> QuerySet:
    """Support sessions: every one for managers; for an innovator those their places
    attended (their page lists them)."""
    found = SupportSession.objects.filter(cohort__accelerator__programme=programme)
    if not can_manage_accelerator(user, programme):
        places = place_list(user=user, programme=programme)
        found = found.filter(attendances__membership__in=places).distinct()
    return found.order_by("held_on", "id")


def milestone_list(*, user, programme) -> QuerySet:
    """Milestones of the cohort places the user may see."""
    places = place_list(user=user, programme=programme)
    return Milestone.objects.filter(membership__in=places).order_by("membership_id", "due_on", "id")


def attendance_list(*, user, programme) -> QuerySet:
    """Who attended which session: every place's for managers (the sessions' pages), an
    innovator's own (their page lists the sessions they attended)."""
    places = place_list(user=user, programme=programme).values("pk")
    return Attendance.objects.filter(membership_id__in=places).order_by("session_id", "id")


def selection_decision_list(*, programme) -> QuerySet:
    """Every selection decision on the programme's calls (the selection pages, managers')."""
    return SelectionDecision.objects.filter(application__call__programme=programme).order_by(
        "application_id", "id"
    )
