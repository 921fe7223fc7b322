"""Reads of working groups, restricted to what the user may see."""

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404

from partnerbase.challenges.models import ChallengeArea

from .models import Idea, IdeaStatus, WorkingGroup, WorkingGroupMeeting, WorkingGroupMember
from .permissions import visible_working_groups


def working_group_list(*, user, programme) -> QuerySet:
    groups = visible_working_groups(user, programme)
    leads = WorkingGroupMember.objects.filter(is_lead=True).select_related("person__organisation")
    return (
        groups.select_related("challenge_area")
        .annotate(
            member_count=Count("members", filter=Q(members__left_on__isnull=True), distinct=True),
            idea_count=Count("ideas", distinct=True),
        )
        .prefetch_related(Prefetch("members", queryset=leads, to_attr="leads"))
    )


def member_list(*, user, programme) -> QuerySet:
    """The members of the groups the user may read (each group's page lists them)."""
    groups = visible_working_groups(user, programme)
    return (
        WorkingGroupMember.objects.filter(working_group__in=groups)
        .select_related("person")
        .order_by("working_group_id", "joined_on", "id")
    )


def meeting_list(*, user, programme) -> QuerySet:
    groups = visible_working_groups(user, programme)
    return (
        WorkingGroupMeeting.objects.filter(working_group__in=groups)
        .prefetch_related("attendees")
        .order_by("working_group_id", "held_on", "id")
    )


def idea_list(*, user, programme) -> QuerySet:
    groups = visible_working_groups(user, programme)
    return Idea.objects.filter(working_group__in=groups).order_by(
        "working_group_id", "proposed_on", "id"
    )


def working_group_get(*, user, programme, uid) -> WorkingGroup:
    """The programme's group (404 otherwise); the view checks the user may see it."""
    group = WorkingGroup.objects.filter(programme=programme, uid=uid).first()
    if group is None:
        raise Http404("No such working group")
    return group


def group_members(group) -> list[WorkingGroupMember]:
    return list(group.members.select_related("person__organisation", "user"))


def group_meetings(group) -> list:
    return list(
        group.meetings.prefetch_related(
            Prefetch("attendees", queryset=WorkingGroupMember.objects.select_related("person"))
        )
    )


def ideas_by_status(group) -> list[tuple[str, list[Idea]]]:
    ideas = list(group.ideas.select_related("proposed_by__person", "project"))
    return [(status.label, [i for i in ideas if i.status == status]) for status in IdeaStatus]


def idea_get(*, group, uid) -> Idea:
    idea = group.ideas.filter(uid=uid).select_related("proposed_by__person").first()
    if idea is None:
        raise Http404("No such idea")
    return idea


def member_get(*, group, uid) -> WorkingGroupMember:
    member = group.members.filter(uid=uid).select_related("person").first()
    if member is None:
        raise Http404("No such member")
    return member


def project_origin(project) -> Idea | None:
    """The idea a project came from, with its working group, if it came from one."""
    return project.ideas.select_related("working_group").first()


def challenge_areas_without_group(*, programme) -> QuerySet:
    """The programme's challenge areas that have no working group yet (one group each)."""
    return ChallengeArea.objects.filter(programme=programme, working_group__isnull=True)


def group_history_parts(group: WorkingGroup) -> dict:
    """The history rows of a working group, its members, meetings and ideas, deleted ones'
    too (core.changes)."""
    return {
        "workinggroups.workinggroup": WorkingGroup.history.filter(id=group.pk),
        "workinggroups.workinggroupmember": WorkingGroupMember.history.filter(
            working_group_id=group.pk
        ),
        "workinggroups.workinggroupmeeting": WorkingGroupMeeting.history.filter(
            working_group_id=group.pk
        ),
        "workinggroups.idea": Idea.history.filter(working_group_id=group.pk),
    }
