"""Who sees which background work: the convening team all of its programme's; anyone else
the work they started themselves (a report they asked for)."""

from partnerbase.accounts.permissions import can_manage_programme, can_view_programme


def can_view_all_jobs(user, programme) -> bool:
    return can_manage_programme(user, programme)


def can_view_jobs(user, programme) -> bool:
    return can_view_programme(user, programme)
