"""Reads of calls and applications, restricted to what the user may see."""

import hashlib
from datetime import datetime, timedelta

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from partnerbase.accounts.models import User
from partnerbase.accounts.permissions import can_view_programme
from partnerbase.programmes.models import Programme

from .lifecycle import with_questions
from .models import (
    AccountRequest,
    Applicant,
    Application,
    ApplicationStatus,
    Call,
    EligibilityRule,
    Question,
)
from .permissions import (
    can_view_own_applications,
    visible_applications,
)


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


def applying_programme_get(*, user, slug: str) -> Programme:
    """The programme if the user belongs to it or applies to it (an applicant holds no role
    there); otherwise 404, so others can't learn it exists."""
    programme = Programme.objects.filter(slug=slug).first()
    if programme is None or not (
        can_view_programme(user, programme) or can_view_own_applications(user, programme)
    ):
        raise Http404("No such programme")
    return programme


def applying_programme_list(*, user) -> QuerySet:
    """The programmes where `user` created an account to apply."""
    return Programme.objects.filter(pk__in=Applicant.objects.filter(user=user).values("programme"))


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


def question_list(*, programme) -> QuerySet:
    """Every call's questions, for those who run the calls (call_detail lists them)."""
    return Question.objects.filter(call__programme=programme).order_by("call_id", "position")


def visible_application_list(*, user, programme) -> QuerySet:
    """The applications `user` may read in `programme`: every call's for those who run the
    calls (application_index), else their own organisations' (my_applications)."""
    return visible_applications(user, programme).order_by("call_id", "id")


def application_get(*, call, uid) -> Application:
    application = (
        Application.objects.filter(call=call, uid=uid)
        .select_related("organisation", "challenge_area", "call__programme")
        .first()
    )
    if application is None:
        raise Http404("No such application")
    return application


def application_new(*, call, organisation) -> Application:
    """The draft an organisation starts with, not yet saved (services save it with its
    first answers)."""
    return Application(call=call, organisation=organisation)


def applications_of(*, organisations) -> QuerySet:
    return (
        Application.objects.filter(organisation__in=[o.pk for o in organisations])
        .select_related("call", "organisation")
        .order_by("-call__closes_at")
    )


# How long the link emailed to confirm an account works.
CONFIRM_WITHIN = timedelta(days=3)


def key_hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def account_request_live(account_request: AccountRequest, now: datetime | None = None) -> bool:
    """Its link still works: not too old, and the address has no account yet."""
    fresh = (now or timezone.now()) < account_request.created_at + CONFIRM_WITHIN
    return fresh and not User.objects.filter(email__iexact=account_request.email).exists()


def account_request_get(*, call, key: str) -> AccountRequest | None:
    """The account asked for on `call`'s page whose emailed link has `key`, while the link
    works; otherwise None."""
    found = AccountRequest.objects.filter(call=call, key_hash=key_hash(key)).first()
    return found if found is not None and account_request_live(found) else None


def eligibility_rule_list(*, programme) -> QuerySet:
    """Every call's eligibility rules (each call's page, for those who run calls)."""
    return EligibilityRule.objects.filter(call__programme=programme).order_by("call_id", "id")
