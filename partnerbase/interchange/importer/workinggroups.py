"""Working groups archived after their members, meetings and ideas; members with their
accounts; ideas moved to the status the file gives."""

from partnerbase.accounts.models import Role, User
from partnerbase.accounts.services import membership_grant, user_create
from partnerbase.workinggroups import services as wg
from partnerbase.workinggroups.ideas import BECAME_PROJECT, IDEA, PARKED, SHORTLISTED

from ..spec import by_name
from .base import file_date as _date
from .generic import create

# The moves that bring a new idea to the status the file gives; an idea with a date of
# change but back at "idea" was parked (or shortlisted) and brought back.
PATHS = {
    IDEA: [],
    SHORTLISTED: [SHORTLISTED],
    BECAME_PROJECT: [SHORTLISTED, BECAME_PROJECT],
    PARKED: [PARKED],
}


def working_group_archived(imp, r: dict):
    """After the group's members, meetings and ideas (format 1.4): an archived group
    takes no new ones."""
    group = imp.ref(r["id"])
    if not r.get("archived_on"):
        return group
    return wg.working_group_archive(
        actor=imp.actor, working_group=group, on=_date(r, "archived_on")
    )


def member_user(imp, r: dict, person) -> User | None:
    """The member's account, by email, made if missing (without a password: they reset
    it to sign in); working in the group needs a role in this programme."""
    email = r.get("account_email")
    if not email:
        return None
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = user_create(email=email, password=None, full_name=person.name)
    membership_grant(
        actor=imp.actor,
        user=user,
        programme=imp.programme,
        role=Role.WORKING_GROUP_MEMBER,
        organisation=person.organisation,
    )
    return user


def working_group_member(imp, r: dict):
    user = member_user(imp, r, imp.ref(r["person"]))
    return create(imp, by_name("working_group_members"), r, user=user)


def idea(imp, r: dict):
    idea = create(imp, by_name("ideas"), r)
    status, on = r.get("status", IDEA), _date(r, "status_changed_on")
    path = PATHS[status] or ([PARKED, IDEA] if on else [])
    for step in path:
        idea = wg.idea_move(
            actor=imp.actor,
            idea=idea,
            status=step,
            on=on or idea.proposed_on,
            project=imp.ref(r.get("project")) if step == BECAME_PROJECT else None,
        )
    return idea
