"""Invitations: the team invites someone by email to roles in a programme; the emailed link
works once, for settings.INVITATION_EXPIRY_DAYS days, and lets them set a password (or, if
they already have an account, sign in) and take up the roles.

The link carries a random token; only its SHA-256 hash is stored, so whoever reads the
database cannot use a link. Resending makes a new token: the old link then stops working.
The email goes through the notifications outbox after the commit (`_send`); a failed email
leaves the invitation recorded, shown to the team, and retried with a new link.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.dispatch import Signal
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from partnerbase.core.errors import DomainError
from partnerbase.core.history import record_save

from .models import PROBLEMS, Invitation, InvitationStatus, Membership, Role, User
from .services import ORGANISATION_ROLES, membership_grant, user_create
from .tokens import new_token

# Sent (invitation, token, site_url) when a new link is made, in the caller's transaction.
# The notifications app, above accounts in the layers, receives it and emails the link
# after the commit; the token exists only in memory, never stored.
invitation_link_made = Signal()


def _new_link(invitation: Invitation) -> str:
    """Give the invitation a fresh token and expiry; return the token (never stored)."""
    token, invitation.token_hash = new_token()
    now = timezone.now()
    invitation.sent_at = now
    invitation.expires_at = now + timedelta(days=settings.INVITATION_EXPIRY_DAYS)
    return token


def invitation_link(token: str, site_url: str) -> str:
    return site_url.rstrip("/") + reverse("accounts:invitation", args=[token])


def invitation_email(invitation: Invitation, token: str, site_url: str) -> tuple[str, str]:
    """The invitation email's subject and body, with the link."""
    link = invitation_link(token, site_url)
    words = {
        "invitation": invitation,
        "programme": invitation.programme,
        "roles": invitation.role_lines,
        "link": link,
        "has_account": User.objects.filter(email__iexact=invitation.email).exists(),
        "service_name": settings.SERVICE_NAME,
    }
    subject = render_to_string("accounts/email/invitation_subject.txt", words).strip()
    return subject, render_to_string("accounts/email/invitation.txt", words)


def _send(invitation: Invitation, token: str, site_url: str) -> None:
    """Hand the link to the outbox. Accounts sit below the notifications app, so the link
    goes by a signal: its receiver records the email in this transaction and sends it after
    the commit (a failed send is shown to the team and tried again, with a new link)."""
    invitation_link_made.send(
        sender=Invitation, invitation=invitation, token=token, site_url=site_url
    )


@transaction.atomic
def invitation_link_renew(*, invitation: Invitation, site_url: str) -> tuple[str, str]:
    """A new link for an invitation whose email is tried again (the first link was never
    stored, so it cannot be sent again); returns the email to send."""
    token = _new_link(invitation)
    record_save(invitation, actor=None, reason="New link for the email tried again")
    return invitation_email(invitation, token, site_url)


@transaction.atomic
def invitation_send(
    *,
    actor,
    programme,
    email: str,
    roles: list[str],
    organisation=None,
    full_name: str = "",
    site_url: str,
) -> Invitation:
    """Invite `email` to `roles` in `programme` and email them the link. `site_url` is where
    the link points (the address the team is using, e.g. https://partnerbase.example.org)."""
    email = email.strip().lower()
    roles = [r for r in Role.values if r in set(roles)]
    if not roles:
        raise DomainError("Choose at least one role.", field="roles")
    if organisation is None and ORGANISATION_ROLES & set(roles):
        needing = " or ".join(Role(r).label.lower() for r in roles if r in ORGANISATION_ROLES)
        raise DomainError(f"Choose the organisation the {needing} acts for.", field="organisation")
    if organisation is not None and organisation.programme_id != programme.pk:
        raise DomainError(f"{organisation} belongs to another programme.", field="organisation")
    if Invitation.objects.filter(
        programme=programme, email__iexact=email, status=InvitationStatus.PENDING
    ).exists():
        raise DomainError(
            f"{email} has already been invited: resend or withdraw that invitation.",
            field="email",
        )
    held = set(
        Membership.objects.filter(programme=programme, user__email__iexact=email).values_list(
            "role", flat=True
        )
    )
    if set(roles) <= held:
        raise DomainError(f"{email} already has these roles here.", field="roles")
    invitation = Invitation(
        programme=programme,
        email=email,
        full_name=full_name.strip(),
        roles=roles,
        organisation=organisation,
        invited_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    token = _new_link(invitation)
    record_save(invitation, actor=actor, reason="Invited")
    _send(invitation, token, site_url)
    return invitation


def _check_pending(invitation: Invitation) -> None:
    if invitation.status != InvitationStatus.PENDING:
        raise DomainError(f"This invitation has been {invitation.get_status_display().lower()}.")


@transaction.atomic
def invitation_resend(*, actor, invitation: Invitation, site_url: str) -> Invitation:
    """Send a new link, valid for the full period again; the old link stops working."""
    _check_pending(invitation)
    token = _new_link(invitation)
    record_save(invitation, actor=actor, reason="Sent again")
    _send(invitation, token, site_url)
    return invitation


@transaction.atomic
def invitation_revoke(*, actor, invitation: Invitation) -> Invitation:
    _check_pending(invitation)
    invitation.status, invitation.revoked_at = InvitationStatus.REVOKED, timezone.now()
    return record_save(invitation, actor=actor, reason="Withdrawn")


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user: User) -> list[Membership]:
    """`user`, signed in with the invited email address, takes up the invited roles."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    problem = invitation.problem()
    if problem:
        raise DomainError(PROBLEMS[problem])
    if user.email.lower() != invitation.email.lower():
        raise DomainError(f"This invitation is for {invitation.email}, not {user.email}.")
    reason = f"Invitation from {invitation.invited_by or 'the team'} accepted"
    memberships = [
        membership_grant(
            actor=user,
            user=user,
            programme=invitation.programme,
            role=role,
            organisation=None if role == Role.TEAM else invitation.organisation,
            reason=reason,
        )
        for role in invitation.roles
    ]
    invitation.status = InvitationStatus.ACCEPTED
    invitation.accepted_at, invitation.accepted_by = timezone.now(), user
    record_save(invitation, actor=user, reason="Accepted")
    return memberships


@transaction.atomic
def invitation_register(*, invitation: Invitation, full_name: str, password: str) -> User:
    """Someone without an account sets their name and password and takes up the roles."""
    full_name = full_name.strip()
    if not full_name:
        raise DomainError("Enter your full name.", field="full_name")
    if User.objects.filter(email__iexact=invitation.email).exists():
        raise DomainError(
            "An account with this email address already exists: sign in to accept.",
            field="password",
        )
    problem = invitation.problem()
    if problem:
        raise DomainError(PROBLEMS[problem])
    try:
        validate_password(password, User(email=invitation.email, full_name=full_name))
    except ValidationError as exc:
        raise DomainError(" ".join(exc.messages), field="password") from exc
    user = user_create(email=invitation.email, password=password, full_name=full_name)
    invitation_accept(invitation=invitation, user=user)
    return user
