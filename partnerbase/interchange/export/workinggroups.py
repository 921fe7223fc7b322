"""Working groups, their members, meetings and ideas (format 1.3; archived_on 1.4)."""

from partnerbase.programmes.models import Programme
from partnerbase.workinggroups.models import (
    Idea,
    WorkingGroup,
    WorkingGroupMeeting,
    WorkingGroupMember,
)

from ..format import date_text, id_text, sorted_by_id


def working_groups(p: Programme) -> list[dict]:
    rows = WorkingGroup.objects.filter(programme=p).select_related("challenge_area")
    return sorted_by_id(
        {
            "id": str(g.uid),
            "challenge_area": id_text(g.challenge_area),
            "name": g.name,
            "purpose": g.purpose,
            "archived_on": date_text(g.archived_on),
            "illustrative": g.illustrative,
        }
        for g in rows
    )


def working_group_members(p: Programme) -> list[dict]:
    """A member's account is written as its email (accounts are not in the file otherwise);
    import finds the account by email or creates it."""
    rows = WorkingGroupMember.objects.filter(working_group__programme=p).select_related(
        "working_group", "person", "user"
    )
    return sorted_by_id(
        {
            "id": str(m.uid),
            "working_group": id_text(m.working_group),
            "person": id_text(m.person),
            "account_email": m.user.email if m.user else None,
            "joined_on": date_text(m.joined_on),
            "left_on": date_text(m.left_on),
            "lead": m.is_lead,
            "illustrative": m.illustrative,
        }
        for m in rows
    )


def working_group_meetings(p: Programme) -> list[dict]:
    rows = (
        WorkingGroupMeeting.objects.filter(working_group__programme=p)
        .select_related("working_group")
        .prefetch_related("attendees")
    )
    return sorted_by_id(
        {
            "id": str(m.uid),
            "working_group": id_text(m.working_group),
            "held_on": date_text(m.held_on),
            "notes": m.notes,
            "attendees": sorted(str(a.uid) for a in m.attendees.all()),
            "illustrative": m.illustrative,
        }
        for m in rows
    )


def ideas(p: Programme) -> list[dict]:
    rows = Idea.objects.filter(working_group__programme=p).select_related(
        "working_group", "proposed_by", "project"
    )
    return sorted_by_id(
        {
            "id": str(i.uid),
            "working_group": id_text(i.working_group),
            "title": i.title,
            "description": i.description,
            "proposed_by": id_text(i.proposed_by),
            "proposed_on": date_text(i.proposed_on),
            "status": i.status,
            "status_changed_on": date_text(i.status_changed_on),
            "project": id_text(i.project),
            "illustrative": i.illustrative,
        }
        for i in rows
    )
