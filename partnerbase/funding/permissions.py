"""Who may see and record funding (DESIGN.md, roles), as small functions tested per role.

- convening team: everything in their programme;
- accelerator manager: read the ledger; record awards, disbursements and repayments;
- champion: read the ledger;
- innovator: awards to the organisation they act for;
- partner contact: awards from the organisation they act for;
- working-group member, assessor: nothing here.
"""

from django.db.models import Q, QuerySet

from partnerbase.accounts.models import Role
from partnerbase.accounts.permissions import acting_memberships, is_administrator, programme_roles

from .models import FundingAward

# Roles that see every award of the programme.
WHOLE_LEDGER = {Role.TEAM, Role.ACCELERATOR_MANAGER, Role.CHAMPION}
RECORDERS = {Role.TEAM, Role.ACCELERATOR_MANAGER}
# Roles that see only the awards touching their own organisation, and which side of it.
OWN_SIDE = {Role.INNOVATOR: "recipient", Role.PARTNER_CONTACT: "funder"}


def sees_whole_ledger(user, programme) -> bool:
    return is_administrator(user) or bool(programme_roles(user, programme) & WHOLE_LEDGER)


def own_organisation_ids(user, programme) -> dict[str, set[int]]:
    """{"recipient": ids, "funder": ids}: the organisations an innovator or partner contact
    acts for, keyed by the side of an award they may see."""
    sides: dict[str, set[int]] = {"recipient": set(), "funder": set()}
    if not getattr(user, "is_authenticated", False):
        return sides
    for role, organisation_id in acting_memberships(user, programme):
        if role in OWN_SIDE:
            sides[OWN_SIDE[role]].add(organisation_id)
    return sides


def can_view_ledger(user, programme) -> bool:
    """Open the ledger page (which then lists only the awards the user may see)."""
    return is_administrator(user) or bool(
        programme_roles(user, programme) & (WHOLE_LEDGER | set(OWN_SIDE))
    )


def visible_awards(user, programme) -> QuerySet:
    """The one row rule for funding awards, used by the ledger and by can_view_award: all
    of the programme's for whole-ledger readers, else those to the organisation an
    innovator acts for or from the one a partner contact acts for."""
    awards = FundingAward.objects.filter(programme=programme)
    if sees_whole_ledger(user, programme):
        return awards
    sides = own_organisation_ids(user, programme)
    return awards.filter(Q(recipient_id__in=sides["recipient"]) | Q(funder_id__in=sides["funder"]))


def can_view_award(user, award) -> bool:
    return visible_awards(user, award.programme).filter(pk=award.pk).exists()


def can_record_award(user, programme) -> bool:
    return is_administrator(user) or bool(programme_roles(user, programme) & RECORDERS)


def can_record_disbursement(user, award) -> bool:
    return can_record_award(user, award.programme)


def can_record_repayment(user, award) -> bool:
    return award.is_loan and can_record_award(user, award.programme)


def can_view_rates(user, programme) -> bool:
    """The rates page: anyone who may open the ledger, since its amounts depend on them."""
    return can_view_ledger(user, programme)


def can_manage_rates(user, programme) -> bool:
    """Add, correct and upload rates: the convening team."""
    return is_administrator(user) or Role.TEAM in programme_roles(user, programme)
