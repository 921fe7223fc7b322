"""Who may see and change working groups; each tested for every role.

The convening team does everything. Champions read every group (they read the board's
work and dashboards). Anyone else — a working-group member, and an innovator or partner
contact too — only works inside the groups they are a current member of, known by the
account linked to their membership: they read the group, record its meetings and propose
ideas; the group's lead also moves its ideas on. Everyone else is refused.
"""

from datetime import date

from django.db.models import Q, QuerySet

from partnerbase.accounts.models import Role
from partnerbase.accounts.permissions import can_manage_programme, programme_roles

from .models import WorkingGroup, WorkingGroupMember

READERS = {Role.TEAM, Role.CHAMPION}


def _current(on: date) -> Q:
    return Q(joined_on__lte=on) & (Q(left_on__isnull=True) | Q(left_on__gte=on))


def member_of(user, working_group, on: date | None = None) -> WorkingGroupMember | None:
    """The user's current membership of the group, if any."""
    if not getattr(user, "is_authenticated", False):
        return None
    cache = user.__dict__.setdefault("_working_group_member", {})
    key = (working_group.pk, on)
    if key not in cache:
        cache[key] = (
            WorkingGroupMember.objects.filter(working_group=working_group, user=user)
            .filter(_current(on or date.today()))
            .select_related("person")
            .first()
        )
    return cache[key]


def member_group_ids(user, programme) -> set[int]:
    """Ids of the programme's groups the user is a current member of."""
    if not getattr(user, "is_authenticated", False):
        return set()
    return set(
        WorkingGroupMember.objects.filter(working_group__programme=programme, user=user)
        .filter(_current(date.today()))
        .values_list("working_group_id", flat=True)
    )


def reads_all_working_groups(user, programme) -> bool:
    return bool(getattr(user, "is_superuser", False) or programme_roles(user, programme) & READERS)


def can_view_working_groups(user, programme) -> bool:
    """The list: readers, and members (who see only their own groups there)."""
    return reads_all_working_groups(user, programme) or bool(member_group_ids(user, programme))


def visible_working_groups(user, programme) -> QuerySet:
    """The one row rule for working groups, used by the lists (and their members, meetings
    and ideas) and by can_view_working_group: every group for readers, their own for
    current members."""
    groups = WorkingGroup.objects.filter(programme=programme)
    if reads_all_working_groups(user, programme):
        return groups
    return groups.filter(pk__in=member_group_ids(user, programme))


def can_view_working_group(user, working_group) -> bool:
    rows = visible_working_groups(user, working_group.programme)
    return rows.filter(pk=working_group.pk).exists()


def can_manage_working_group(user, working_group) -> bool:
    """Add members, record leaving, choose the lead: the convening team."""
    return can_manage_programme(user, working_group.programme)


def can_record_meeting(user, working_group) -> bool:
    return can_manage_working_group(user, working_group) or bool(member_of(user, working_group))


def can_propose_idea(user, working_group) -> bool:
    return can_record_meeting(user, working_group)


def can_move_idea(user, working_group) -> bool:
    if can_manage_working_group(user, working_group):
        return True
    member = member_of(user, working_group)
    return bool(member and member.is_lead)


def can_create_working_group(user, programme) -> bool:
    """Create a group for a challenge area: the convening team."""
    return can_manage_programme(user, programme)
