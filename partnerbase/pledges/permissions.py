"""Who may see and manage pledges (DESIGN.md, roles).

The convening team manages every pledge. A champion or a partner contact manages only the
pledges of the organisation it acts for (Membership.organisation). Dashboard readers
(the team, champions, accelerator managers) read the programme's pledge ledger and any
pledge, as records behind the programme's work; a partner contact reads only its own
organisation's. Working-group members, assessors and innovators see no pledges.
"""

from django.db.models import Q, QuerySet

from partnerbase.accounts.models import Role
from partnerbase.accounts.permissions import (
    DASHBOARD_ROLES,
    acting_for,
    is_administrator,
    programme_roles,
)
from partnerbase.directory.models import Organisation

from .models import Pledge

MANAGERS = {Role.TEAM}
OWN_ORGANISATION_ROLES = {Role.CHAMPION, Role.PARTNER_CONTACT}


def can_manage_all_pledges(user, programme) -> bool:
    return is_administrator(user) or bool(programme_roles(user, programme) & MANAGERS)


def own_organisations(user, programme) -> set[int]:
    """Ids of the organisations whose pledges `user` manages as a champion or partner contact."""
    return acting_for(user, programme, OWN_ORGANISATION_ROLES)


def can_view_pledge_ledger(user, programme) -> bool:
    """The whole programme's ledger."""
    return is_administrator(user) or bool(programme_roles(user, programme) & DASHBOARD_ROLES)


def can_use_pledges(user, programme) -> bool:
    """Open the pledge pages at all (the whole ledger, or one's own organisation's)."""
    return can_view_pledge_ledger(user, programme) or bool(own_organisations(user, programme))


def sees_pledges_of(user, programme, organisation: str) -> Q:
    """The one row rule for pledges, as a condition on the lookup `organisation` names (the
    organisation's id): dashboard readers see every organisation's pledges, a champion or
    partner contact their own organisation's, anyone else none."""
    if can_view_pledge_ledger(user, programme):
        return Q()
    return Q(**{f"{organisation}__in": own_organisations(user, programme)})


def can_view_organisation_pledges(user, programme, organisation) -> bool:
    rule = sees_pledges_of(user, programme, "pk")
    return Organisation.objects.filter(rule, programme=programme, pk=organisation.pk).exists()


def can_add_pledge(user, programme) -> bool:
    return can_manage_all_pledges(user, programme) or bool(own_organisations(user, programme))


def visible_pledges(user, programme) -> QuerySet:
    """The pledges of the lists and of can_view_pledge (sees_pledges_of)."""
    rule = sees_pledges_of(user, programme, "organisation_id")
    return Pledge.objects.filter(rule, programme=programme)


def can_view_pledge(user, pledge) -> bool:
    return visible_pledges(user, pledge.programme).filter(pk=pledge.pk).exists()


def can_manage_pledge(user, pledge) -> bool:
    """Change it, confirm it, record its deliveries, lapse it, offer it for brokering."""
    return can_manage_all_pledges(user, pledge.programme) or (
        pledge.organisation_id in own_organisations(user, pledge.programme)
    )
