"""Creating working groups, their members (and members' accounts), meetings and ideas."""

from partnerbase.accounts.models import Role, User
from partnerbase.accounts.services import membership_grant, user_create
from partnerbase.workinggroups import services as wg
from partnerbase.workinggroups.ideas import BECAME_PROJECT, IDEA, PARKED, SHORTLISTED

from .base import file_date as _date

# The moves that bring a new idea to the status the file gives; an idea with a date of
# change but back at "idea" was parked (or shortlisted) and brought back.
PATHS = {
    IDEA: [],
    SHORTLISTED: [SHORTLISTED],
    BECAME_PROJECT: [SHORTLISTED, BECAME_PROJECT],
    PARKED: [PARKED],
}


class WorkingGroupSteps:
    def working_group(self, r: dict):
        return wg.working_group_create(
            **self.common(r),
            programme=self.programme,
            challenge_area=self.ref(r["challenge_area"]),
            name=r["name"],
            purpose=r.get("purpose", ""),
        )

    def working_group_archived(self, r: dict):
        """After the group's members, meetings and ideas (format 1.4): an archived group
        takes no new ones."""
        group = self.ref(r["id"])
        if not r.get("archived_on"):
            return group
        return wg.working_group_archive(
            actor=self.actor, working_group=group, on=_date(r, "archived_on")
        )

    def member_user(self, r: dict, person) -> User | None:
        """The member's account, by email, made if missing (without a password: they reset
        it to sign in); working in the group needs a role in this programme."""
        email = r.get("account_email")
        if not email:
            return None
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            user = user_create(email=email, password=None, full_name=person.name)
        membership_grant(
            actor=self.actor,
            user=user,
            programme=self.programme,
            role=Role.WORKING_GROUP_MEMBER,
            organisation=person.organisation,
        )
        return user

    def working_group_member(self, r: dict):
        person = self.ref(r["person"])
        return wg.working_group_member_add(
            **self.common(r),
            working_group=self.ref(r["working_group"]),
            person=person,
            user=self.member_user(r, person),
            joined_on=_date(r, "joined_on"),
            left_on=_date(r, "left_on"),
            is_lead=r.get("lead", False),
        )

    def working_group_meeting(self, r: dict):
        return wg.meeting_record(
            **self.common(r),
            working_group=self.ref(r["working_group"]),
            held_on=_date(r, "held_on"),
            notes=r["notes"],
            attendees=[self.ref(a) for a in r.get("attendees", [])],
        )

    def idea(self, r: dict):
        idea = wg.idea_propose(
            **self.common(r),
            working_group=self.ref(r["working_group"]),
            title=r["title"],
            description=r.get("description", ""),
            proposed_by=self.ref(r["proposed_by"]),
            proposed_on=_date(r, "proposed_on"),
        )
        status, on = r.get("status", IDEA), _date(r, "status_changed_on")
        path = PATHS[status] or ([PARKED, IDEA] if on else [])
        for step in path:
            idea = wg.idea_move(
                actor=self.actor,
                idea=idea,
                status=step,
                on=on or idea.proposed_on,
                project=self.ref(r.get("project")) if step == BECAME_PROJECT else None,
            )
        return idea
