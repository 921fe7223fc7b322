"""Who may see and do what in brokering (DESIGN.md, roles).

The convening team and accelerator managers run brokering and see all of it. Innovators
manage their own organisation's needs and see introductions and partnerships of their
organisation; partner contacts (and champions, for offers) do the same for offers and the
introductions addressed to their organisation. Assessors and working-group members see
none of it.
"""

from django.db.models import Q, QuerySet

from partnerbase.accounts.models import Role
from partnerbase.accounts.permissions import (
    DASHBOARD_ROLES,
    acting_for,
    is_administrator,
    programme_roles,
)

from .models import Introduction, Need, Offer, Partnership, PartnershipPartner

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


def visible_needs(user, programme) -> QuerySet:
    """The one row rule for needs, used by the list and by can_change_need: brokers see
    every need of the programme, an innovator their own organisation's. Whoever sees a
    need may change it."""
    needs = Need.objects.filter(programme=programme)
    if can_broker(user, programme):
        return needs
    return needs.filter(innovator_id__in=acting_for(user, programme, NEED_ROLES))


def can_change_need(user, need) -> bool:
    return visible_needs(user, need.programme).filter(pk=need.pk).exists()


def can_add_offer(user, programme) -> bool:
    return can_broker(user, programme) or bool(acting_for(user, programme, OFFER_ROLES))


def visible_offers(user, programme) -> QuerySet:
    """The one row rule for offers, used by the list and by can_change_offer: brokers see
    every offer, a partner contact or champion their own organisation's. Whoever sees an
    offer may change it."""
    offers = Offer.objects.filter(programme=programme)
    if can_broker(user, programme):
        return offers
    return offers.filter(partner_id__in=acting_for(user, programme, OFFER_ROLES))


def can_change_offer(user, offer) -> bool:
    return visible_offers(user, offer.programme).filter(pk=offer.pk).exists()


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


def addressed_introductions(user, programme) -> QuerySet:
    """Sent introductions addressed to an organisation the user answers for (the sides
    introduction_sides names)."""
    innovators = acting_for(user, programme, {INTRODUCTION_ROLES["innovator"]})
    partners = acting_for(user, programme, {INTRODUCTION_ROLES["partner"]})
    return Introduction.objects.filter(programme=programme, sent_on__isnull=False).filter(
        Q(innovator_id__in=innovators) | Q(partner_id__in=partners)
    )


def visible_introductions(user, programme) -> QuerySet:
    """The one row rule for introductions, used by the lists and by can_view_introduction:
    brokers see every introduction, proposed or sent; others those addressed to them."""
    if can_broker(user, programme):
        return Introduction.objects.filter(programme=programme)
    return addressed_introductions(user, programme)


def can_view_introduction(user, introduction) -> bool:
    rows = visible_introductions(user, introduction.programme)
    return rows.filter(pk=introduction.pk).exists()


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


def own_partnerships(user, programme) -> QuerySet:
    """The partnerships of the organisations the user answers for, as an innovator or a
    partner contact."""
    innovators = acting_for(user, programme, {Role.INNOVATOR})
    partners = acting_for(user, programme, {Role.PARTNER_CONTACT})
    theirs = PartnershipPartner.objects.filter(organisation_id__in=partners)
    return Partnership.objects.filter(programme=programme).filter(
        Q(innovator_id__in=innovators) | Q(pk__in=theirs.values("partnership_id"))
    )


def visible_partnerships(user, programme) -> QuerySet:
    """The one row rule for partnerships, used by the lists and by can_view_partnership:
    brokers and dashboard readers see all of them, an innovator or partner contact their
    own organisation's."""
    if can_view_partnerships(user, programme):
        return Partnership.objects.filter(programme=programme)
    return own_partnerships(user, programme)


def can_view_partnership(user, partnership) -> bool:
    rows = visible_partnerships(user, partnership.programme)
    return rows.filter(pk=partnership.pk).exists()


def can_move_partnership(user, partnership) -> bool:
    return can_broker(user, partnership.programme)
