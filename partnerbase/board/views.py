"""The board page, a meeting's page, the forms the team records the board with, and the
paper download (the only way to a paper's file)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from partnerbase.core.errors import DomainError
from partnerbase.core.forms import opened
from partnerbase.core.pages import form_page
from partnerbase.core.uploads import download_response
from partnerbase.programmes.access import programme_for

from . import permissions as can
from . import queries, services
from .forms import (
    ActionForm,
    ChampionAppointForm,
    DecisionForm,
    MeetingForm,
    PaperForm,
    RoleForm,
    TermEndForm,
    action_initial,
)

NAV = "board"


@require_GET
def board_home(request, slug):
    programme = programme_for(request, slug, can.can_view_board)
    overview = queries.board_overview(programme=programme, today=timezone.localdate())
    manage = can.can_manage_board(request.user, programme)
    own = can.champion_organisation_ids(request.user, programme) if not manage else set()
    for action in overview.open_actions:
        action.may_complete = manage or (
            action.owner_champion_id is not None and action.owner_champion.organisation_id in own
        )
    return render(
        request,
        "board/home.html",
        {"programme": programme, "board": overview, "can_manage": manage, "nav_current": NAV},
    )


@require_GET
def meeting_detail(request, slug, uid):
    programme = programme_for(request, slug, can.can_view_board)
    meeting = queries.meeting_get(programme=programme, uid=uid)
    manage = can.can_manage_board(request.user, programme)
    actions = list(meeting.actions.all())
    for action in actions:
        action.meeting.programme = programme  # saves a query per action in the check
        action.may_complete = action.status == "open" and can.can_complete_action(
            request.user, action
        )
    return render(
        request,
        "board/meeting_detail.html",
        {
            "programme": programme,
            "meeting": meeting,
            "actions": actions,
            "today": timezone.localdate(),
            "can_manage": manage,
            "nav_current": NAV,
        },
    )


@require_GET
def paper_download(request, slug, uid):
    programme = programme_for(request, slug, can.can_view_board)
    paper = queries.paper_get(programme=programme, uid=uid)
    if not can.can_download_paper(request.user, paper):
        raise PermissionDenied
    if not paper.file:
        raise Http404("This paper's file was not imported")
    return download_response(paper.file, filename=paper.original_filename)


# --- champions -------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def champion_appoint(request, slug):
    programme = programme_for(request, slug, can.can_manage_board)
    form = ChampionAppointForm(request.POST or None, programme=programme)
    return form_page(
        request,
        "board/form.html",
        {"programme": programme, "title": "Appoint a champion", "submit": "Appoint"},
        form,
        lambda data: services.champion_appoint(actor=request.user, programme=programme, **data),
        "Champion appointed.",
        lambda _: reverse("board:home", args=[programme.slug]),
        nav=NAV,
    )


@require_http_methods(["GET", "POST"])
def champion_end_term(request, slug, uid):
    programme = programme_for(request, slug, can.can_manage_board)
    champion = queries.champion_get(programme=programme, uid=uid)
    form = TermEndForm(request.POST or None)
    return form_page(
        request,
        "board/form.html",
        {"programme": programme, "title": "End a term", "caption": champion, "submit": "End term"},
        form,
        lambda data: services.champion_end_term(actor=request.user, champion=champion, **data),
        "Term ended.",
        lambda _: reverse("board:home", args=[programme.slug]),
        nav=NAV,
    )


@require_http_methods(["GET", "POST"])
def champion_role(request, slug, uid):
    programme = programme_for(request, slug, can.can_manage_board)
    champion = queries.champion_get(programme=programme, uid=uid)
    form = opened(RoleForm(request.POST or None, initial={"role": champion.role}), champion)
    return form_page(
        request,
        "board/form.html",
        {"programme": programme, "title": "Change role", "caption": champion, "submit": "Save"},
        form,
        lambda data: services.champion_change_role(actor=request.user, champion=champion, **data),
        "Role changed.",
        lambda _: reverse("board:home", args=[programme.slug]),
        nav=NAV,
    )


# --- meetings, papers, decisions, actions ------------------------------------------------


@require_http_methods(["GET", "POST"])
def meeting_add(request, slug):
    programme = programme_for(request, slug, can.can_manage_board)
    form = MeetingForm(request.POST or None)
    return form_page(
        request,
        "board/form.html",
        {"programme": programme, "title": "Record a meeting", "submit": "Save meeting"},
        form,
        lambda data: services.meeting_create(actor=request.user, programme=programme, **data),
        "Meeting recorded.",
        lambda meeting: reverse("board:meeting_detail", args=[programme.slug, meeting.uid]),
        nav=NAV,
    )


@require_http_methods(["GET", "POST"])
def meeting_edit(request, slug, uid):
    programme = programme_for(request, slug, can.can_manage_board)
    meeting = queries.meeting_get(programme=programme, uid=uid)
    form = opened(
        MeetingForm(
            request.POST or None,
            initial={"title": meeting.title, "held_on": meeting.held_on, "agenda": meeting.agenda},
        ),
        meeting,
    )
    return form_page(
        request,
        "board/form.html",
        {
            "programme": programme,
            "title": "Change the meeting",
            "meeting": meeting,
            "submit": "Save meeting",
        },
        form,
        lambda data: services.meeting_update(actor=request.user, meeting=meeting, **data),
        "Meeting changed.",
        lambda _: reverse("board:meeting_detail", args=[programme.slug, meeting.uid]),
        nav=NAV,
    )


@require_http_methods(["GET", "POST"])
def paper_add(request, slug, uid):
    programme = programme_for(request, slug, can.can_manage_board)
    meeting = queries.meeting_get(programme=programme, uid=uid)
    form = PaperForm(request.POST or None, request.FILES or None)
    return form_page(
        request,
        "board/form.html",
        {
            "programme": programme,
            "title": "Upload a paper",
            "meeting": meeting,
            "submit": "Upload paper",
            "multipart": True,
        },
        form,
        lambda data: services.paper_upload(
            actor=request.user, meeting=meeting, title=data["title"], upload=data["file"]
        ),
        "Paper uploaded.",
        lambda _: reverse("board:meeting_detail", args=[programme.slug, meeting.uid]),
        nav=NAV,
    )


@require_http_methods(["GET", "POST"])
def decision_add(request, slug, uid):
    programme = programme_for(request, slug, can.can_manage_board)
    meeting = queries.meeting_get(programme=programme, uid=uid)
    form = DecisionForm(request.POST or None)
    return form_page(
        request,
        "board/form.html",
        {
            "programme": programme,
            "title": "Record a decision",
            "meeting": meeting,
            "submit": "Save decision",
        },
        form,
        lambda data: services.decision_record(actor=request.user, meeting=meeting, **data),
        "Decision recorded.",
        lambda _: reverse("board:meeting_detail", args=[programme.slug, meeting.uid]),
        nav=NAV,
    )


@require_http_methods(["GET", "POST"])
def action_add(request, slug, uid):
    programme = programme_for(request, slug, can.can_manage_board)
    meeting = queries.meeting_get(programme=programme, uid=uid)
    form = ActionForm(
        request.POST or None,
        champions=queries.champion_list(programme=programme),
        people=queries.people_for_actions(programme=programme),
        decisions=meeting.decisions.all(),
    )
    return form_page(
        request,
        "board/form.html",
        {
            "programme": programme,
            "title": "Record an action",
            "meeting": meeting,
            "submit": "Save action",
        },
        form,
        lambda data: services.action_record(
            actor=request.user, meeting=meeting, **form.service_kwargs()
        ),
        "Action recorded.",
        lambda _: reverse("board:meeting_detail", args=[programme.slug, meeting.uid]),
        nav=NAV,
    )


@require_POST
def action_done(request, slug, uid):
    programme = programme_for(request, slug, can.can_view_board)
    action = queries.action_get(programme=programme, uid=uid)
    if not can.can_complete_action(request.user, action):
        raise PermissionDenied
    try:
        services.action_complete(actor=request.user, action=action, done_on=timezone.localdate())
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"Action done: {action.description}")
    back = request.POST.get("next", "")
    if back == "meeting":
        return redirect("board:meeting_detail", programme.slug, action.meeting.uid)
    return redirect("board:home", programme.slug)


@require_http_methods(["GET", "POST"])
def decision_edit(request, slug, uid):
    programme = programme_for(request, slug, can.can_manage_board)
    decision = queries.decision_get(programme=programme, uid=uid)
    meeting = decision.meeting
    form = opened(
        DecisionForm(
            request.POST or None,
            initial={"kind": decision.kind, "summary": decision.summary, "detail": decision.detail},
        ),
        decision,
    )
    return form_page(
        request,
        "board/form.html",
        {
            "programme": programme,
            "title": "Change the decision",
            "meeting": meeting,
            "submit": "Save decision",
        },
        form,
        lambda data: services.decision_update(actor=request.user, decision=decision, **data),
        "Decision changed.",
        lambda _: reverse("board:meeting_detail", args=[programme.slug, meeting.uid]),
        nav=NAV,
    )


@require_http_methods(["GET", "POST"])
def action_edit(request, slug, uid):
    programme = programme_for(request, slug, can.can_manage_board)
    action = queries.action_get(programme=programme, uid=uid)
    meeting = action.meeting
    form = opened(
        ActionForm(
            request.POST or None,
            initial=action_initial(action),
            champions=queries.champion_list(programme=programme),
            people=queries.people_for_actions(programme=programme),
            decisions=meeting.decisions.all(),
        ),
        action,
    )
    return form_page(
        request,
        "board/form.html",
        {
            "programme": programme,
            "title": "Change the action",
            "meeting": meeting,
            "submit": "Save action",
        },
        form,
        lambda data: services.action_update(
            actor=request.user, action=action, **form.service_kwargs()
        ),
        "Action changed.",
        lambda _: reverse("board:meeting_detail", args=[programme.slug, meeting.uid]),
        nav=NAV,
    )
