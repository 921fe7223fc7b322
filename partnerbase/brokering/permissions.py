"""Who may see and do what in brokering (DESIGN.md, roles).

The convening team and accelerator managers run brokering and see all of it. Innovators
manage their own organisation's needs and see introductions and partnerships of their
organisation; partner contacts (and champions, for offers) do the same for offers and the
introductions addressed to their organisation. Assessors and working-group members see
none of it.
"""

from partnerbase.accounts.models import Role
from partnerbase.accounts.permissions import (
    DASHBOARD_ROLES,
    acting_for,
    is_administrator,
    programme_roles,
)

BROKERS = {Role.TEAM, Role.ACCELERATOR_MANAGER}
NEED_ROLES = {Role.INNOVATOR}
OFFER_ROLES = {Role.PARTNER_CONTACT, Role.CHAMPION}
INTRODUCTION_ROLES = {"innovator": Role.INNOVATOR, "partner": Role.PARTNER_CONTACT}


def can_broker(user, programme) -> bool:
    """Run rounds, see every need, offer and introduction, move partnerships."""
    return is_administrator(user) or bool(programme_roles(user, programme) & BROKERS)


def can_use_brokering(user, programme) -> bool:
    """Open the brokering pages at all."""
    roles = programme_roles(user, programme)
    return can_broker(user, programme) or bool(roles & (NEED_ROLES | OFFER_ROLES))


# --- needs and offers --------------------------------------------------------------------


def can_add_need(user, programme) -> bool:
    return can_broker(user, programme) or bool(acting_for(user, programme, NEED_ROLES))


def can_change_need(user, need) -> bool:
    return can_broker(user, need.programme) or need.innovator_id in acting_for(
        user, need.programme, NEED_ROLES
    )


def can_add_offer(user, programme) -> bool:
    return can_broker(user, programme) or bool(acting_for(user, programme, OFFER_ROLES))


def can_change_offer(user, offer) -> bool:
    return can_broker(user, offer.programme) or offer.partner_id in acting_for(
        user, offer.programme, OFFER_ROLES
    )


# --- introductions and partnerships ------------------------------------------------------


def introduction_sides(user, introduction) -> list[str]:
    """The sides ("innovator", "partner") `user` speaks for; only sent introductions are
    addressed to anyone."""
    if introduction.sent_on is None:
        return []
    return [
        side
        for side, role in INTRODUCTION_ROLES.items()
        if getattr(introduction, f"{side}_id") in acting_for(user, introduction.programme, {role})
    ]


def can_view_introduction(user, introduction) -> bool:
    return can_broker(user, introduction.programme) or bool(introduction_sides(user, introduction))


def can_respond_introduction(user, introduction, side: str) -> bool:
    return side in introduction_sides(user, introduction)


def can_record_answer(user, introduction) -> bool:
    """Record a side's answer given outside Partnerbase (by email, on the phone), for
    someone without an account: the brokers, who sent the introduction and hear back."""
    return introduction.sent_on is not None and can_broker(user, introduction.programme)


def can_view_my_introductions(user, programme) -> bool:
    return bool(acting_for(user, programme, set(INTRODUCTION_ROLES.values())))


def can_view_partnerships(user, programme) -> bool:
    """The list of all partnerships: brokers and dashboard readers (its figures' records)."""
    return is_administrator(user) or bool(
        programme_roles(user, programme) & (BROKERS | DASHBOARD_ROLES)
    )


def can_view_partnership(user, partnership) -> bool:
    programme = partnership.programme
    if can_view_partnerships(user, programme):
        return True
    if partnership.innovator_id in acting_for(user, programme, {Role.INNOVATOR}):
        return True
    partners = acting_for(user, programme, {Role.PARTNER_CONTACT})
    return bool(partners) and partnership.partners.filter(organisation_id__in=partners).exists()


def can_move_partnership(user, partnership) -> bool:
    return can_broker(user, partnership.programme)
