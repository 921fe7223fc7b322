"""Who may propose, vote and run votes on challenge areas (DESIGN.md, roles table).

Partner organisations choose the challenge areas together: champions, partner contacts and
working-group members act for a member organisation, so they may propose and vote for it.
Innovators and assessors do not: innovators apply to the areas chosen, and assessors judge
those applications, so neither should help choose them. The convening team runs the votes
and adopts results; it does not vote, since it is not a partner organisation."""

from partnerbase.accounts.models import Membership, Role
from partnerbase.accounts.permissions import can_manage_programme, programme_roles

from .models import VoteStatus

MEMBER_ROLES = {Role.CHAMPION, Role.PARTNER_CONTACT, Role.WORKING_GROUP_MEMBER}


def acting_organisations(user, programme) -> list:
    """The member organisations `user` acts for in `programme` (Membership.organisation)."""
    if not getattr(user, "is_authenticated", False):
        return []
    memberships = Membership.objects.filter(
        user=user, programme=programme, role__in=MEMBER_ROLES, organisation__isnull=False
    ).select_related("organisation")
    seen = {}
    for m in memberships.order_by("organisation__name"):
        seen.setdefault(m.organisation_id, m.organisation)
    return list(seen.values())


def can_view_votes(user, programme) -> bool:
    """Proposals, votes and their results."""
    return can_manage_programme(user, programme) or bool(
        programme_roles(user, programme) & MEMBER_ROLES
    )


def can_manage_votes(user, programme) -> bool:
    return can_manage_programme(user, programme)


def can_propose_challenge(user, programme) -> bool:
    return can_manage_programme(user, programme) or bool(acting_organisations(user, programme))


def voting_organisations(user, vote) -> list:
    """The organisations on the vote's roll that `user` may cast a ballot for."""
    if vote.status != VoteStatus.OPEN:
        return []
    mine = acting_organisations(user, vote.programme)
    roll = set(vote.electors.values_list("pk", flat=True))
    return [o for o in mine if o.pk in roll]


def can_record_ballot(user, vote) -> bool:
    """Record a ballot sent by email for an organisation on the roll: the team, which runs
    the vote, while it is open."""
    return vote.status == VoteStatus.OPEN and can_manage_votes(user, vote.programme)


def can_view_challenge_areas(user, programme) -> bool:
    """Any role in the programme: the areas frame calls, projects and working groups."""
    return bool(getattr(user, "is_superuser", False) or programme_roles(user, programme))
