"""Reads of calls and applications, restricted to what the user may see."""

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from partnerbase.programmes.models import Programme

from .lifecycle import with_questions
from .models import Application, ApplicationStatus, Call, Question


def call_list(*, programme) -> QuerySet:
    return (
        Call.objects.filter(programme=programme)
        .select_related("accelerator")
        .annotate(
            submitted_count=Count(
                "applications", filter=Q(applications__status=ApplicationStatus.SUBMITTED)
            ),
            draft_count=Count(
                "applications", filter=Q(applications__status=ApplicationStatus.DRAFT)
            ),
            has_questions=Exists(Question.objects.filter(call=OuterRef("pk"))),
        )
    )


def call_get(*, programme, slug: str) -> Call:
    call = Call.objects.filter(programme=programme, slug=slug).select_related("accelerator").first()
    if call is None:
        raise Http404("No such call")
    return call


def public_call_get(*, programme_slug: str, slug: str, now=None) -> Call:
    """A call anyone may read: it has opened, with questions (closed calls stay readable)."""
    programme = Programme.objects.filter(slug=programme_slug).first()
    calls = Call.objects.filter(programme=programme, slug=slug, opens_at__lte=now or timezone.now())
    # A call with no questions is never public (calls/lifecycle.py).
    call = (
        with_questions(calls).select_related("accelerator", "programme").first()
        if programme
        else None
    )
    if call is None:
        raise Http404("No such call")
    return call


def application_list(*, call) -> QuerySet:
    return call.applications.select_related("organisation", "challenge_area").order_by(
        "organisation__name"
    )


def application_get(*, call, uid) -> Application:
    application = (
        Application.objects.filter(call=call, uid=uid)
        .select_related("organisation", "challenge_area", "call__programme")
        .first()
    )
    if application is None:
        raise Http404("No such application")
    return application


def applications_of(*, organisations) -> QuerySet:
    return (
        Application.objects.filter(organisation__in=[o.pk for o in organisations])
        .select_related("call", "organisation")
        .order_by("-call__closes_at")
    )
