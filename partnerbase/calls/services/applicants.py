"""Applicant accounts: a person creates an account on a call's page for their organisation,
and holds no programme role until selection makes them the organisation's innovator."""

from datetime import datetime

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from partnerbase.accounts.models import Role, User
from partnerbase.accounts.services import membership_grant, user_create
from partnerbase.core.errors import DomainError
from partnerbase.core.history import record_save
from partnerbase.directory.services import organisation_create

from .. import deadlines
from ..models import Applicant, Call

# Kinds an applicant may choose: the organisations an accelerator call is for.
APPLICANT_KINDS = ("charity", "social_enterprise", "community_interest_company", "business")


def call_takes_accounts(call: Call, now: datetime | None = None) -> bool:
    """Accounts are made on a call's page only while it takes applications."""
    return deadlines.is_open(call.opens_at, call.closes_at, now or timezone.now())


@transaction.atomic
def applicant_register(
    *,
    call: Call,
    email: str,
    full_name: str,
    password: str,
    organisation_name: str,
    kind: str,
    region: str = "",
    now: datetime | None = None,
):
    """Return (user, organisation): a new user, their organisation and their applicant
    record, in one transaction; the new user is the actor of their own records."""
    if not call_takes_accounts(call, now):
        raise DomainError("This call is not open: you cannot create an account for it now.")
    programme = call.programme
    email = email.strip().lower()
    if User.objects.filter(email__iexact=email).exists():
        raise DomainError(
            "An account with this email address already exists: sign in instead.", field="email"
        )
    if kind not in APPLICANT_KINDS:
        raise DomainError("Select the kind of organisation.", field="kind")
    try:
        validate_password(password, User(email=email, full_name=full_name))
    except ValidationError as exc:
        raise DomainError(" ".join(exc.messages), field="password") from exc
    user = user_create(email=email, password=password, full_name=full_name.strip())
    organisation = organisation_create(
        actor=user,
        programme=programme,
        name=organisation_name,
        kind=kind,
        regions=region.strip(),
    )
    applicant_add(actor=user, user=user, organisation=organisation)
    return user, organisation


@transaction.atomic
def applicant_add(*, actor, user, organisation) -> Applicant:
    """`user` applies for `organisation`: its applications are theirs to read and change."""
    applicant = Applicant(programme=organisation.programme, user=user, organisation=organisation)
    return record_save(applicant, actor=actor, reason="Applies for the organisation")


@transaction.atomic
def applicants_admit(*, actor, organisation) -> list:
    """The organisation was selected for a cohort place: each of its applicants becomes its
    innovator (their needs, milestones, introductions). Returns the memberships."""
    return [
        membership_grant(
            actor=actor,
            user=applicant.user,
            programme=applicant.programme,
            role=Role.INNOVATOR,
            organisation=organisation,
        )
        for applicant in Applicant.objects.filter(organisation=organisation).select_related(
            "user", "programme"
        )
    ]
