"""API tokens: made on the account page or by `partnerbase tokens create`, kept only as
their SHA-256 hash, revoked rather than deleted (so their history stays)."""

import secrets
from datetime import timedelta

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from partnerbase.core.errors import DomainError
from partnerbase.core.history import record_save

from .models import ApiToken, Membership, User
from .tokens import token_hash

# Tokens start with this, so a leaked one is easy to recognise (and to scan for).
TOKEN_START = "pb_"
PREFIX_LENGTH = len(TOKEN_START) + 8
# Recording each use would write on every read; once a minute is enough to tell it is used.
LAST_USED_EVERY = timedelta(minutes=1)


@transaction.atomic
def api_token_create(
    *, actor, user: User, name: str, programme=None, read_only: bool = False
) -> tuple[ApiToken, str]:
    """A new token for `user`: (the record, the token itself, shown once and never again)."""
    name = name.strip()
    if not name:
        raise DomainError("Enter a name for the token, like “Reporting spreadsheet”.", field="name")
    if programme is not None and not (
        user.is_superuser or Membership.objects.filter(user=user, programme=programme).exists()
    ):
        raise DomainError(f"{user} has no role in {programme}.", field="programme")
    token = TOKEN_START + secrets.token_urlsafe(32)
    record = ApiToken(
        user=user,
        name=name,
        prefix=token[:PREFIX_LENGTH],
        token_hash=token_hash(token),
        programme=programme,
        read_only=read_only,
    )
    record_save(record, actor=actor, reason="API token made")
    return record, token


@transaction.atomic
def api_token_revoke(*, actor, token: ApiToken) -> ApiToken:
    if token.revoked_at is not None:
        raise DomainError("This token is already revoked.")
    token.revoked_at = timezone.now()
    return record_save(token, actor=actor, reason="API token revoked")


def api_token_list(*, user: User) -> QuerySet:
    return ApiToken.objects.filter(user=user).select_related("programme")


def api_token_get(*, user: User, uid) -> ApiToken | None:
    return api_token_list(user=user).filter(uid=uid).first()


def api_token_authenticate(raw: str) -> ApiToken | None:
    """The active token `raw` is, with its user, or None; notes when it was last used."""
    token = (
        ApiToken.objects.select_related("user", "programme")
        .filter(token_hash=token_hash(raw), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_EVERY:
        # Not a change to the record: no history row, as for a sign-in's last_login.
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token
