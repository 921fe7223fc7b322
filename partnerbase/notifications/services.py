"""Writing notifications: made in the caller's transaction, emailed after it commits.

`notification_send` is what the domain services call. It records one notification per
person (skipping anyone who turned the kind off, except invitations) and queues the email
(the task `notification_email`, sent by the task worker) once the whole transaction
commits, so nothing is emailed about a record that was then rolled back, and no record is
saved without its notification. A failed email marks the notification failed (it never
raises into the request); `partnerbase notifications send` tries again, up to MAX_ATTEMPTS
times, and the team sees failed ones on the programme's notifications page with a "Try
again" button.
"""

import logging
from collections.abc import Iterable
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from partnerbase.accounts import invitations
from partnerbase.accounts.models import InvitationStatus, User
from partnerbase.core.history import record_delete, record_save

from .models import ALWAYS_ON, EmailState, Kind, Notification, TurnedOff

log = logging.getLogger(__name__)

# A notification is emailed at most this many times, then left failed for the team to see.
MAX_ATTEMPTS = 5
# A notification still pending this long after it was made lost its after-commit send (the
# process stopped): the send command picks it up.
STALE_AFTER = timedelta(minutes=5)

_enabled: ContextVar[bool] = ContextVar("notifications_enabled", default=True)


@contextmanager
def notifications_off():
    """Make no notifications inside the block: the demo and the importer rebuild records
    that are history, not news, and must not email anyone about them."""
    token = _enabled.set(False)
    try:
        yield
    finally:
        _enabled.reset(token)


class Undeliverable(Exception):
    """The notification can never be emailed (e.g. its invitation was withdrawn)."""


def _turned_off(users: list, kind: str) -> set[int]:
    if kind in ALWAYS_ON:
        return set()
    return set(
        TurnedOff.objects.filter(user__in=users, kind=kind).values_list("user_id", flat=True)
    )


@transaction.atomic
def notification_send(
    *,
    actor,
    programme,
    kind: str,
    users: Iterable,
    subject: str,
    body: str,
    url: str = "",
    key: str = "",
    include_actor: bool = False,
) -> list[Notification]:
    """Tell each of `users` (each once, active ones only, not the actor unless
    `include_actor`: nobody needs telling what they just did); the email goes after the
    commit.
    With `key`, a person is told at most once for that kind and key (a pledge's reminder)."""
    if not _enabled.get():
        return []
    doer = actor.pk if getattr(actor, "is_authenticated", False) and not include_actor else None
    people = list(
        {u.pk: u for u in users if u is not None and u.is_active and u.pk != doer}.values()
    )
    off = _turned_off(people, kind)
    made = []
    for user in people:
        if user.pk in off:
            continue
        if key and Notification.objects.filter(user=user, kind=kind, key=key).exists():
            continue
        notification = Notification(
            programme=programme,
            user=user,
            email=user.email,
            kind=kind,
            subject=subject[:300],
            body=body,
            url=url,
            key=key,
        )
        record_save(notification, actor=actor, reason=f"Notified: {Kind(kind).label.lower()}")
        transaction.on_commit(
            partial(notification_email.enqueue, notification_id=notification.pk), robust=True
        )
        made.append(notification)
    return made


def invitation_notify(*, invitation, token: str, site_url: str) -> Notification | None:
    """The invitation's email, through the outbox like every other. The link's token is
    never stored (only its hash is, on the invitation): the stored body leaves the link out
    and the first email carries it from memory; a retry makes a new link."""
    if not _enabled.get():
        return None
    subject, body = invitations.invitation_email(invitation, token, site_url)
    link = invitations.invitation_link(token, site_url)
    notification = Notification(
        programme=invitation.programme,
        user=User.objects.filter(email__iexact=invitation.email).first(),
        email=invitation.email,
        kind=Kind.INVITATION,
        subject=subject[:300],
        body=body.replace(link, "[the link is only in the email]"),
        invitation=invitation,
    )
    actor = invitation.invited_by
    record_save(notification, actor=actor, reason="Notified: invitation")
    # Sent from this process, not queued: the queue's row would keep the link's token.
    transaction.on_commit(partial(deliver, notification.pk, (subject, body)), robust=True)
    return notification


def site_url() -> str:
    return settings.SITE_URL.rstrip("/")


def email_text(notification: Notification, site: str) -> tuple[str, str]:
    """The email for a notification: its body, the link to its record and how to choose
    which emails come."""
    parts = [notification.body.strip()]
    if notification.url:
        parts.append(f"Open it in {settings.SERVICE_NAME}: {site}{notification.url}")
    parts.append(f"Choose which notifications you get: {site}{reverse('notifications:settings')}")
    return notification.subject, "\n\n".join(parts) + "\n"


def _message(notification: Notification, site: str) -> tuple[str, str]:
    if notification.kind != Kind.INVITATION:
        return email_text(notification, site)
    invitation = notification.invitation
    if invitation is None or invitation.status != InvitationStatus.PENDING:
        what = "withdrawn" if invitation is None else invitation.get_status_display().lower()
        raise Undeliverable(f"The invitation is {what}: there is nothing to send.")
    return invitations.invitation_link_renew(invitation=invitation, site_url=site)


def deliver(pk: int, message: tuple[str, str] | None = None, *, site: str = "", actor=None):
    """Email one notification now and record how it went; never raises for a failed send.
    `message` is the email prepared when it was made (an invitation's, with its link)."""
    with transaction.atomic():
        notification = Notification.objects.select_for_update().filter(pk=pk).first()
        if notification is None or notification.email_state == EmailState.SENT:
            return notification
        now = timezone.now()
        notification.attempts += 1
        notification.last_attempt_at = now
        try:
            subject, body = message or _message(notification, (site or site_url()).rstrip("/"))
            EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [notification.email]).send()
        except Undeliverable as exc:
            notification.email_state, notification.last_error = EmailState.FAILED, str(exc)
            notification.attempts = max(notification.attempts, MAX_ATTEMPTS)
            reason = "Email not sent"
        except Exception as exc:  # any backend's failure: record it, never raise it
            log.warning("Notification %s not emailed: %s", notification.pk, exc)
            notification.email_state = EmailState.FAILED
            notification.last_error = f"{type(exc).__name__}: {exc}"[:1000]
            reason = "Email failed"
        else:
            notification.email_state, notification.sent_at = EmailState.SENT, now
            notification.last_error = ""
            reason = "Email sent"
        return record_save(notification, actor=actor, reason=reason)


@task()
def notification_email(*, notification_id: int) -> str:
    """The queued email of one notification; a failure is recorded on it, not raised."""
    done = deliver(notification_id)
    return done.email_state if done is not None else "gone"


def notification_retry(*, actor, notification: Notification, site: str = "") -> Notification:
    """The team's "Try again": one more attempt now, whatever the count so far."""
    return deliver(notification.pk, site=site, actor=actor)


def outbox_send(*, now=None) -> dict[str, int]:
    """Email what has not gone: failed ones with attempts left, and pending ones whose
    after-commit send was lost. Returns how many were sent and how many failed."""
    now = now or timezone.now()
    waiting = Notification.objects.filter(attempts__lt=MAX_ATTEMPTS).filter(
        email_state=EmailState.FAILED
    ) | Notification.objects.filter(
        email_state=EmailState.PENDING, created_at__lt=now - STALE_AFTER
    )
    counts = {"sent": 0, "failed": 0}
    for pk in waiting.order_by("created_at", "pk").values_list("pk", flat=True):
        done = deliver(pk)
        if done is not None:
            counts["sent" if done.email_state == EmailState.SENT else "failed"] += 1
    return counts


@transaction.atomic
def notification_read(*, actor, notification: Notification) -> Notification:
    if notification.read_at:
        return notification
    notification.read_at = timezone.now()
    return record_save(notification, actor=actor, reason="Read")


@transaction.atomic
def notifications_read_all(*, actor, user) -> int:
    unread = list(Notification.objects.filter(user=user, read_at__isnull=True))
    for notification in unread:
        notification_read(actor=actor, notification=notification)
    return len(unread)


@transaction.atomic
def notification_settings_save(*, actor, user, turned_off: Iterable[str]) -> set[str]:
    """Keep exactly `turned_off` (less the kinds that cannot be turned off) turned off."""
    wanted = {k for k in turned_off if k in Kind.values and k not in ALWAYS_ON}
    for row in TurnedOff.objects.filter(user=user).exclude(kind__in=wanted):
        record_delete(row, actor=actor, reason="Turned on")
    have = set(TurnedOff.objects.filter(user=user).values_list("kind", flat=True))
    for kind in sorted(wanted - have):
        record_save(TurnedOff(user=user, kind=kind), actor=actor, reason="Turned off")
    return wanted
