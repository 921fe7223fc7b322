"""Reading notifications: a person reads only their own; the team reads its programme's
unsent emails. Also who is told on an organisation's behalf."""

from django.shortcuts import get_object_or_404

from partnerbase.accounts.models import Membership, User

from .models import EmailState, Notification, TurnedOff


def my_notifications(*, user):
    """Newest first, in every programme the person is told about."""
    return Notification.objects.filter(user=user).select_related("programme")


def my_notification_get(*, user, uid) -> Notification:
    """404 for anyone else's notification, so nobody learns that it exists."""
    return get_object_or_404(Notification, user=user, uid=uid)


def unread_count(*, user) -> int:
    if not getattr(user, "is_authenticated", False):
        return 0
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


def turned_off(*, user) -> set[str]:
    return set(TurnedOff.objects.filter(user=user).values_list("kind", flat=True))


UNSENT = (EmailState.FAILED, EmailState.PENDING)


def unsent(*, programme):
    """The programme's emails that have not gone, failed first, newest first."""
    return (
        Notification.objects.filter(programme=programme, email_state__in=UNSENT)
        .select_related("user")
        .order_by("email_state", "-created_at", "-id")
    )


def unsent_get(*, programme, uid) -> Notification:
    return get_object_or_404(Notification, programme=programme, uid=uid, email_state__in=UNSENT)


def people_acting_for(*, programme, organisation, roles) -> list:
    """The people with an account who act for `organisation` in `programme` in one of
    `roles` (accounts.permissions.acting_for, seen from the organisation's side)."""
    if organisation is None:
        return []
    ids = Membership.objects.filter(
        programme=programme, organisation=organisation, role__in=roles, user__is_active=True
    ).values("user_id")
    return list(User.objects.filter(pk__in=ids).order_by("full_name", "email"))
