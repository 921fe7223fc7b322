"""Who may see and change the board (DESIGN.md, roles), as small functions tested per role.

- convening team: everything about their programme's board;
- champion: read the board page, meetings and papers; mark done the actions owned by a
  board seat of the organisation they act for;
- working-group member, accelerator manager, assessor, innovator, partner contact: nothing
  here (an innovator sees no board papers).
"""

from partnerbase.accounts.models import Membership, Role
from partnerbase.accounts.permissions import can_manage_programme, programme_roles

READERS = {Role.TEAM, Role.CHAMPION}


def can_view_board(user, programme) -> bool:
    return bool(getattr(user, "is_superuser", False) or programme_roles(user, programme) & READERS)


def can_manage_board(user, programme) -> bool:
    """Appoint champions, record meetings, papers, decisions and actions: the team."""
    return can_manage_programme(user, programme)


def can_download_paper(user, paper) -> bool:
    return can_view_board(user, paper.meeting.programme)


def champion_organisation_ids(user, programme) -> set[int]:
    if not getattr(user, "is_authenticated", False):
        return set()
    return set(
        Membership.objects.filter(
            user=user, programme=programme, role=Role.CHAMPION, organisation__isnull=False
        ).values_list("organisation_id", flat=True)
    )


def can_complete_action(user, action) -> bool:
    programme = action.meeting.programme
    if can_manage_board(user, programme):
        return True
    if action.owner_champion_id is None or Role.CHAMPION not in programme_roles(user, programme):
        return False
    return action.owner_champion.organisation_id in champion_organisation_ids(user, programme)
