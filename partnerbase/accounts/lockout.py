"""Sign-in lock-outs (django-axes keeps the failed attempts): whether an account is locked,
and unlocking it, which the convening team may do for the people of its programme."""

from axes.models import AccessAttempt
from django.conf import settings
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from partnerbase.core.history import record_save


def attempt_username(request, credentials) -> str:
    """The account a sign-in attempt was for, as django-axes records it: the email typed in
    the sign-in form (or /admin/'s), lower-cased, so "PAT@…" and "pat@…" count together."""
    typed = (credentials or {}).get("username") or request.POST.get("username", "")
    return str(typed).strip().lower()


def failed_attempts(user) -> int:
    """Wrong passwords for the account still counting towards a lock (within the cool-off)."""
    attempts = AccessAttempt.objects.filter(username=user.email.lower())
    if settings.AXES_COOLOFF_TIME:
        attempts = attempts.filter(attempt_time__gte=timezone.now() - settings.AXES_COOLOFF_TIME)
    return attempts.aggregate(n=Sum("failures_since_start"))["n"] or 0


def is_locked(user) -> bool:
    return failed_attempts(user) >= settings.AXES_FAILURE_LIMIT


@transaction.atomic
def sign_in_unlock(*, actor, user) -> int:
    """Forget the account's failed sign-ins (and so the lock of the addresses they came
    from, as far as this account's attempts made it); the person's history says who did it."""
    removed, _ = AccessAttempt.objects.filter(username=user.email.lower()).delete()
    record_save(user, actor=actor, reason="Sign-in unlocked")
    return removed
