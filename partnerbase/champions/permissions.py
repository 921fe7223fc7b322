"""Who may see and change champion targeting: the convening team runs it, and nobody else
sees it (a prospect list names people who may never join; champions read the board)."""

from partnerbase.accounts.permissions import can_manage_programme


def can_target_champions(user, programme) -> bool:
    return can_manage_programme(user, programme)
