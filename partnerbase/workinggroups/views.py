"""Working-group pages: the list, a group (members, meetings, ideas by status) and its forms.
Every view checks permissions.py; a programme the user does not belong to is a 404."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from partnerbase.core.changes import record_history_page
from partnerbase.core.errors import DomainError
from partnerbase.core.history import history_entries
from partnerbase.core.pages import form_page
from partnerbase.programmes.access import programme_for
from partnerbase.programmes.queries import programme_get

from . import permissions as may
from . import services
from .forms import IdeaForm, LeaveForm, MeetingForm, MemberForm, MoveForm
from .models import IdeaStatus, WorkingGroupMember
from .queries import (
    group_history_parts,
    group_meetings,
    group_members,
    idea_get,
    ideas_by_status,
    member_get,
    working_group_get,
    working_group_list,
)

NAV = "working-groups"


def _group(request, slug, uid, check):
    programme = programme_get(user=request.user, slug=slug)
    group = working_group_get(user=request.user, programme=programme, uid=uid)
    if not may.can_view_working_group(request.user, group):
        raise Http404("No such working group")  # another group's: its existence does not show
    if not check(request.user, group):
        raise PermissionDenied
    return programme, group


def _archived(request, group):
    """An archived group takes no new members, meetings or ideas: back to its page, saying so."""
    if not group.is_archived:
        return None
    messages.error(
        request,
        f"{group} was archived on {group.archived_on:%-d %B %Y}: it takes no new members, "
        "meetings or ideas.",
    )
    return redirect(group_url(group))


def group_url(group) -> str:
    return reverse("workinggroups:group_detail", args=[group.programme.slug, group.uid])


@require_GET
def group_index(request, slug):
    programme = programme_for(request, slug, may.can_view_working_groups)
    groups = list(working_group_list(user=request.user, programme=programme))
    return render(
        request,
        "workinggroups/group_list.html",
        {
            "programme": programme,
            "groups": [g for g in groups if not g.is_archived],
            "archived": [g for g in groups if g.is_archived],
            "can_create": may.can_create_working_group(request.user, programme),
            "nav_current": NAV,
        },
    )


@require_GET
def group_detail(request, slug, uid):
    programme, group = _group(request, slug, uid, may.can_view_working_group)
    user = request.user
    members = group_members(group)
    can_manage = may.can_manage_working_group(user, group)
    return render(
        request,
        "workinggroups/group_detail.html",
        {
            "programme": programme,
            "group": group,
            "members": members,
            "lead": next((m for m in members if m.is_lead), None),
            "meetings": group_meetings(group),
            "ideas_by_status": ideas_by_status(group),
            "me": may.member_of(user, group),
            "can_manage": can_manage,
            "history": history_entries(group) if can_manage else [],
            "can_record_meeting": may.can_record_meeting(user, group),
            "can_propose_idea": may.can_propose_idea(user, group),
            "can_move_idea": may.can_move_idea(user, group),
            "nav_current": NAV,
        },
    )


@require_GET
def group_history(request, slug, uid):
    """Every change to the group, its members, meetings and ideas: for those who manage it,
    as the group's page shows its history."""
    programme, group = _group(request, slug, uid, may.can_manage_working_group)
    return record_history_page(
        request,
        programme=programme,
        parts=group_history_parts(group),
        record=group.name,
        back=(reverse("workinggroups:group_detail", args=[slug, uid]), f"Back to {group.name}"),
        filename=f"{programme.slug}-working-group-{uid}-history.csv",
        nav_current=NAV,
        caption="Changes to the working group, its members, meetings and ideas",
    )


@require_http_methods(["GET", "POST"])
def member_add(request, slug, uid):
    programme, group = _group(request, slug, uid, may.can_manage_working_group)
    if closed := _archived(request, group):
        return closed
    form = MemberForm(request.POST or None, programme=programme)
    return form_page(
        request,
        "workinggroups/member_form.html",
        {"programme": programme, "group": group},
        form,
        lambda data: services.working_group_member_add(
            actor=request.user, working_group=group, **data
        ),
        "Member added.",
        group_url(group),
        nav=NAV,
    )


@require_http_methods(["GET", "POST"])
def member_leave(request, slug, uid, member_uid):
    programme, group = _group(request, slug, uid, may.can_manage_working_group)
    member = member_get(group=group, uid=member_uid)
    form = LeaveForm(request.POST or None)
    return form_page(
        request,
        "workinggroups/leave_form.html",
        {"programme": programme, "group": group, "member": member},
        form,
        lambda data: services.working_group_member_leave(
            actor=request.user, member=member, on=data["on"]
        ),
        f"{member} has left the group.",
        group_url(group),
        nav=NAV,
    )


@require_http_methods(["POST"])
def lead_set(request, slug, uid, member_uid):
    _, group = _group(request, slug, uid, may.can_manage_working_group)
    member = member_get(group=group, uid=member_uid)
    try:
        services.working_group_lead_set(actor=request.user, member=member)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"{member} now leads the group.")
    return redirect(group_url(group))


def _current_members(group):
    return WorkingGroupMember.objects.filter(working_group=group, left_on__isnull=True)


@require_http_methods(["GET", "POST"])
def meeting_add(request, slug, uid):
    programme, group = _group(request, slug, uid, may.can_record_meeting)
    if closed := _archived(request, group):
        return closed
    form = MeetingForm(request.POST or None, members=_current_members(group))
    return form_page(
        request,
        "workinggroups/meeting_form.html",
        {"programme": programme, "group": group},
        form,
        lambda data: services.meeting_record(actor=request.user, working_group=group, **data),
        "Meeting recorded.",
        group_url(group),
        nav=NAV,
    )


@require_http_methods(["GET", "POST"])
def idea_add(request, slug, uid):
    programme, group = _group(request, slug, uid, may.can_propose_idea)
    if closed := _archived(request, group):
        return closed
    # The team proposes on a member's behalf; a member proposes in their own name.
    me = (
        None
        if may.can_manage_working_group(request.user, group)
        else may.member_of(request.user, group)
    )
    form = IdeaForm(request.POST or None, members=_current_members(group), proposer=me)

    def save(data):
        data = {"proposed_by": me, **data}
        return services.idea_propose(actor=request.user, working_group=group, **data)

    return form_page(
        request,
        "workinggroups/idea_form.html",
        {"programme": programme, "group": group, "me": me},
        form,
        save,
        "Idea proposed.",
        group_url(group),
        nav=NAV,
    )


@require_http_methods(["GET", "POST"])
def idea_move(request, slug, uid, idea_uid):
    programme, group = _group(request, slug, uid, may.can_move_idea)
    idea = idea_get(group=group, uid=idea_uid)
    if idea.status == IdeaStatus.BECAME_PROJECT:
        raise PermissionDenied  # final: nothing to move
    form = MoveForm(request.POST or None, idea=idea)
    return form_page(
        request,
        "workinggroups/move_form.html",
        {"programme": programme, "group": group, "idea": idea},
        form,
        lambda data: services.idea_move(actor=request.user, idea=idea, **data),
        f"“{idea.title}” moved.",
        group_url(group),
        nav=NAV,
    )
