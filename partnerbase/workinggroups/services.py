"""Writes for working groups: each takes the acting user, runs in a transaction and saves
through record_save, so every change has a history row naming who, when and why."""

from datetime import date

from django.db import transaction
from django.db.models import Max

from partnerbase.accounts.models import Membership
from partnerbase.core.errors import DomainError
from partnerbase.core.history import record_delete, record_save
from partnerbase.core.references import Dependents, refusal
from partnerbase.core.services import same_programme
from partnerbase.directory.services import person_create

from . import ideas
from .models import Idea, WorkingGroup, WorkingGroupMeeting, WorkingGroupMember


@transaction.atomic
def working_group_create(
    *,
    actor,
    programme,
    challenge_area,
    name: str,
    purpose: str = "",
    illustrative: bool = False,
    uid=None,
) -> WorkingGroup:
    same_programme(programme, challenge_area=challenge_area)
    if not name.strip():
        raise DomainError("Enter the working group's name.", field="name")
    if WorkingGroup.objects.filter(challenge_area=challenge_area).exists():
        raise DomainError(f"{challenge_area} already has a working group.", field="challenge_area")
    group = WorkingGroup(
        programme=programme,
        challenge_area=challenge_area,
        name=name.strip(),
        purpose=purpose,
        illustrative=illustrative,
    )
    return record_save(group, actor=actor, uid=uid, reason="Working group created")


@transaction.atomic
def working_group_member_add(
    *,
    actor,
    working_group: WorkingGroup,
    joined_on: date,
    person=None,
    name: str = "",
    organisation=None,
    job_title: str = "",
    email: str = "",
    user=None,
    left_on=None,
    is_lead: bool = False,
    illustrative: bool = False,
    uid=None,
    person_uid=None,
) -> WorkingGroupMember:
    """Add an existing `person`, or a new one from `name` and `organisation`. `user`, if
    given, must hold a role in the programme: it is how they sign in as this member."""
    programme = working_group.programme
    refuse_if_archived(working_group, "members")
    if person is None:
        if not name.strip():
            raise DomainError("Choose a person or enter the new member's name.", field="name")
        person = person_create(
            actor=actor,
            programme=programme,
            name=name,
            organisation=organisation,
            job_title=job_title,
            email=email,
            illustrative=illustrative,
            uid=person_uid,
        )
    same_programme(programme, person=person)
    if working_group.members.filter(person=person).exists():
        raise DomainError(f"{person} is already a member of this group.", field="person")
    if user is not None:
        if not Membership.objects.filter(user=user, programme=programme).exists():
            raise DomainError(
                "That account has no role in this programme: give it one first.", field="user"
            )
        if working_group.members.filter(user=user).exists():
            raise DomainError("That account is already linked to a member.", field="user")
    member = WorkingGroupMember(
        working_group=working_group,
        person=person,
        user=user,
        joined_on=joined_on,
        left_on=left_on,
        illustrative=illustrative,
    )
    record_save(member, actor=actor, uid=uid, reason="Member joined the working group")
    if is_lead:
        working_group_lead_set(actor=actor, member=member)
    return member


@transaction.atomic
def working_group_member_leave(*, actor, member: WorkingGroupMember, on: date):
    member.left_on = on
    return record_save(member, actor=actor, reason="Member left the working group")


@transaction.atomic
def working_group_lead_set(*, actor, member: WorkingGroupMember) -> WorkingGroupMember:
    """Make `member` the group's lead (the previous lead stays a member)."""
    if member.left_on is not None:
        raise DomainError("The lead must be a current member.", field="member")
    for old in member.working_group.members.filter(is_lead=True).exclude(pk=member.pk):
        old.is_lead = False
        record_save(old, actor=actor, reason="No longer leads the working group")
    member.is_lead = True
    return record_save(member, actor=actor, reason="Leads the working group")


def _members_of(working_group, members, field):
    for m in members:
        if m.working_group_id != working_group.pk:
            raise DomainError(f"{m} is not a member of {working_group}.", field=field)


@transaction.atomic
def meeting_record(
    *,
    actor,
    working_group: WorkingGroup,
    held_on: date,
    notes: str,
    attendees=(),
    illustrative: bool = False,
    uid=None,
) -> WorkingGroupMeeting:
    refuse_if_archived(working_group, "meetings")
    if not notes.strip():
        raise DomainError("Enter the notes of the meeting.", field="notes")
    attendees = list(attendees)
    _members_of(working_group, attendees, "attendees")
    meeting = WorkingGroupMeeting(
        working_group=working_group,
        held_on=held_on,
        notes=notes.strip(),
        illustrative=illustrative,
    )
    record_save(meeting, actor=actor, uid=uid, reason="Meeting recorded")
    meeting.attendees.set(attendees)
    return meeting


@transaction.atomic
def idea_propose(
    *,
    actor,
    working_group: WorkingGroup,
    title: str,
    proposed_by: WorkingGroupMember,
    proposed_on: date,
    description: str = "",
    illustrative: bool = False,
    uid=None,
) -> Idea:
    refuse_if_archived(working_group, "ideas")
    _members_of(working_group, [proposed_by], "proposed_by")
    if proposed_on < proposed_by.joined_on:
        raise DomainError(
            f"{proposed_by} joined on {proposed_by.joined_on:%-d %B %Y}, after that date.",
            field="proposed_on",
        )
    idea = Idea(
        working_group=working_group,
        title=title.strip(),
        description=description,
        proposed_by=proposed_by,
        proposed_on=proposed_on,
        illustrative=illustrative,
    )
    return record_save(idea, actor=actor, uid=uid, reason="Idea proposed")


@transaction.atomic
def idea_move(*, actor, idea: Idea, status: str, on: date, project=None) -> Idea:
    """Move an idea on (ideas.py says where it may go); "became a project" names it."""
    try:
        ideas.check_move(idea.status, status, has_project=project is not None)
    except ideas.InvalidMove as exc:
        raise DomainError(str(exc), field=exc.field) from exc
    if project is not None:
        same_programme(idea.working_group.programme, project=project)
        taken = Idea.objects.filter(project=project).exclude(pk=idea.pk).first()
        if taken:
            raise DomainError(f"{project} already came from the idea “{taken}”.", field="project")
    if on < idea.proposed_on:
        raise DomainError("The date must be on or after the idea was proposed.", field="on")
    idea.status, idea.status_changed_on, idea.project = status, on, project
    return record_save(idea, actor=actor, reason=f"Idea moved to {ideas.LABELS[status].lower()}")


# --- changing, archiving and removing a group ----------------------------------------------


def refuse_if_archived(working_group: WorkingGroup, what: str) -> None:
    """An archived group keeps its history but takes no new members, meetings or ideas."""
    if working_group.archived_on is not None:
        raise DomainError(
            f"{working_group} was archived on {working_group.archived_on:%-d %B %Y}: it takes "
            f"no new {what}. Unarchive it first."
        )


@transaction.atomic
def working_group_update(
    *, actor, working_group: WorkingGroup, name: str, purpose: str = ""
) -> WorkingGroup:
    """Rename the group or change its purpose (its challenge area stays)."""
    if not name.strip():
        raise DomainError("Enter the working group's name.", field="name")
    working_group.name, working_group.purpose = name.strip(), purpose.strip()
    return record_save(working_group, actor=actor, reason="Working group changed")


def _last_activity(working_group: WorkingGroup) -> tuple[date, str] | None:
    """The latest day something happened in the group, and what it was."""
    held = working_group.meetings.aggregate(last=Max("held_on"))["last"]
    proposed = working_group.ideas.aggregate(last=Max("proposed_on"))["last"]
    found = [(d, what) for d, what in ((held, "a meeting"), (proposed, "an idea")) if d]
    return max(found, key=lambda item: item[0], default=None)


@transaction.atomic
def working_group_archive(*, actor, working_group: WorkingGroup, on: date) -> WorkingGroup:
    """Archive the group from `on`: it stays readable with its history and takes nothing
    new. Its members' dates are left as they are (record leaving for each as it happens)."""
    if working_group.archived_on is not None:
        raise DomainError(
            f"{working_group} is already archived, since {working_group.archived_on:%-d %B %Y}.",
            field="on",
        )
    last = _last_activity(working_group)
    if last is not None and on < last[0]:
        raise DomainError(
            f"The group's last activity was {last[1]} on {last[0]:%-d %B %Y}: archive it on "
            "or after that day.",
            field="on",
        )
    working_group.archived_on = on
    return record_save(working_group, actor=actor, reason="Working group archived")


@transaction.atomic
def working_group_unarchive(*, actor, working_group: WorkingGroup) -> WorkingGroup:
    if working_group.archived_on is None:
        raise DomainError(f"{working_group} is not archived.")
    working_group.archived_on = None
    return record_save(working_group, actor=actor, reason="Working group unarchived")


def working_group_dependents(working_group: WorkingGroup) -> str:
    """Why the group cannot be removed ("" when nothing belongs to it)."""
    members = working_group.members.select_related("person")
    meetings = working_group.meetings.all()
    dependents = [
        Dependents.named("member", "members", [str(m.person) for m in members]),
        Dependents.named("meeting", "meetings", [f"{m.held_on:%-d %B %Y}" for m in meetings]),
        Dependents.named("idea", "ideas", [i.title for i in working_group.ideas.all()]),
    ]
    return refusal("remove", dependents, relation="belong to", whom="this working group")


@transaction.atomic
def working_group_remove(*, actor, working_group: WorkingGroup) -> None:
    """Remove a group made by mistake; one with members, meetings or ideas is refused (archive
    it instead). History keeps the removed group."""
    refused = working_group_dependents(working_group)
    if refused:
        raise DomainError(
            refused if working_group.archived_on else f"{refused} Archive it instead."
        )
    record_delete(working_group, actor=actor, reason="Working group removed")
