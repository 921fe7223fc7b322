"""Who may see which notifications: each person their own (any signed-in user); the
convening team its programme's unsent emails, to try them again."""

from partnerbase.accounts.permissions import can_manage_programme


def can_view_notifications(user) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def can_retry_notifications(user, programme) -> bool:
    return can_manage_programme(user, programme)
