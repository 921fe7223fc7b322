"""Applicant accounts, asked for on a call's page.

Asking answers the same whatever the address: the page says "check your email", and the
email says what to do. A new address gets a link to confirm the account; nothing is made
until its owner opens the link and enters the password chosen (so nobody can take an
address whose email they cannot read, nor plant a password on it). An address that already
has an account gets an email saying so, and nothing is made. The confirmed account holds
no programme role: it is an applicant for its organisation until selection makes it the
organisation's innovator (`applicants_admit`).
"""

import secrets
from datetime import datetime

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from partnerbase.accounts.models import Role, User
from partnerbase.accounts.services import membership_grant, user_create
from partnerbase.core.errors import DomainError
from partnerbase.core.history import record_save
from partnerbase.directory.services import organisation_create

from .. import deadlines
from ..models import AccountRequest, Applicant, Call
from ..queries import CONFIRM_WITHIN, account_request_live, key_hash

# Kinds an applicant may choose: the organisations an accelerator call is for.
APPLICANT_KINDS = ("charity", "social_enterprise", "community_interest_company", "business")


def call_takes_accounts(call: Call, now: datetime | None = None) -> bool:
    """Accounts are asked for on a call's page only while it takes applications."""
    return deadlines.is_open(call.opens_at, call.closes_at, now or timezone.now())


def _email(template: str, *, to: str, context: dict) -> None:
    context = {"service_name": settings.SERVICE_NAME, **context}
    subject = render_to_string(f"calls/email/{template}_subject.txt", context)
    body = render_to_string(f"calls/email/{template}.txt", context)
    send_mail(" ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, [to])


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
    site: str,
    now: datetime | None = None,
) -> None:
    """Ask for an account to apply to `call`, and email the address what happens next.

    `site` is the address links start with ("https://example.org"). Returns nothing, so
    that no caller can answer differently for an address that has an account. The input is
    checked the same way for every address; a refusal is about the input only."""
    if not call_takes_accounts(call, now):
        raise DomainError("This call is not open: you cannot create an account for it now.")
    email = User.objects.normalize_email(email.strip()).lower()
    if kind not in APPLICANT_KINDS:
        raise DomainError("Select the kind of organisation.", field="kind")
    try:
        validate_password(password, User(email=email, full_name=full_name))
    except ValidationError as exc:
        raise DomainError(" ".join(exc.messages), field="password") from exc
    # Hashed whatever the address, so the time taken says nothing about it either.
    hashed = make_password(password)
    # Links that no longer work hold personal data for nothing: forget them.
    AccountRequest.objects.filter(created_at__lt=(now or timezone.now()) - CONFIRM_WITHIN).delete()
    links = {
        "call": call,
        "sign_in_url": site + reverse("accounts:login"),
        "reset_url": site + reverse("accounts:password_reset"),
    }
    if User.objects.filter(email__iexact=email).exists():
        _email("account_exists", to=email, context=links)
        return
    key = secrets.token_urlsafe(32)
    AccountRequest.objects.create(
        call=call,
        email=email,
        full_name=full_name.strip(),
        password=hashed,
        organisation_name=organisation_name.strip(),
        kind=kind,
        region=region.strip(),
        key_hash=key_hash(key),
    )
    confirm = reverse("calls_public:confirm", args=[call.programme.slug, call.slug, key])
    _email(
        "confirm",
        to=email,
        context={**links, "confirm_url": site + confirm, "days": CONFIRM_WITHIN.days},
    )


@transaction.atomic
def account_request_confirm(
    *, account_request: AccountRequest, password: str, now: datetime | None = None
) -> Applicant:
    """The address's owner opened the link and entered the password chosen: make the user,
    the organisation and the applicant record (no programme role)."""
    if not account_request_live(account_request, now):
        raise DomainError("This link no longer works: create your account again.")
    if not check_password(password, account_request.password):
        raise DomainError(
            "Enter the password you chose when you created the account", field="password"
        )
    user = user_create(
        email=account_request.email, password=password, full_name=account_request.full_name
    )
    organisation = organisation_create(
        actor=user,
        programme=account_request.call.programme,
        name=account_request.organisation_name,
        kind=account_request.kind,
        regions=account_request.region,
    )
    applicant = applicant_add(actor=user, user=user, organisation=organisation)
    # The address has its account: no other request for it can be confirmed.
    AccountRequest.objects.filter(email__iexact=account_request.email).delete()
    return applicant


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
