"""Introductions as the innovator and the partner see them, and partnerships."""

from datetime import date

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from partnerbase.core.changes import record_history_page
from partnerbase.core.errors import DomainError
from partnerbase.core.forms import add_service_error, opened
from partnerbase.core.history import history_entries
from partnerbase.core.lists import Column, Sort, list_page
from partnerbase.core.period import Period, programme_period
from partnerbase.programmes.access import check, programme_for, visible

from .. import queries, services
from ..filters import IntroductionFilter, PartnershipFilter
from ..forms import PAGE_MOVES, MoveForm, RecordAnswerForm, RespondForm
from ..models import IntroductionStatus, Response
from ..permissions import (
    can_broker,
    can_move_partnership,
    can_record_answer,
    can_view_my_introductions,
    can_view_partnership,
    can_view_partnerships,
    introduction_sides,
)
from ..services.notices import OTHER
from ..stages import Stage, can_move
from .common import context, today

INTRODUCTION_SORTS = [
    Sort("sent", "Sent", ("-sent_on", "innovator__name", "partner__name")),
    Sort("innovator", "Introduction", ("innovator__name", "partner__name")),
    Sort("status", "Where it stands", ("status", "-sent_on")),
]
INTRODUCTION_COLUMNS = [
    Column("Innovator", lambda i: i.innovator.name),
    Column("Partner", lambda i: i.partner.name),
    Column("Why", lambda i: i.reasons),
    Column("Sent", lambda i: i.sent_on),
    Column("Status", lambda i: i.get_status_display()),
    Column("Innovator's answer", lambda i: i.get_innovator_response_display()),
    Column("Partner's answer", lambda i: i.get_partner_response_display()),
    Column(
        "Partnership stage", lambda i: i.partnership.get_stage_display() if i.partnership else ""
    ),
    Column("Id", lambda i: i.uid),
]


@require_GET
def my_introductions(request, slug):
    programme = programme_for(request, slug, can_view_my_introductions)
    listing = list_page(
        request,
        queries.my_introductions(user=request.user, programme=programme),
        filterset_class=IntroductionFilter,
        sorts=INTRODUCTION_SORTS,
        columns=INTRODUCTION_COLUMNS,
        filename=f"{programme.slug}-introductions.csv",
    )
    if not isinstance(listing, dict):
        return listing
    # Sides and contacts for the rows shown only.
    listing["rows"] = [
        {"introduction": i, "sides": sides, "contacts": _shared_contacts(i, sides)}
        for i in listing["rows"]
        for sides in [introduction_sides(request.user, i)]
    ]
    return render(request, "brokering/my_introductions.html", context(programme, **listing))


@require_http_methods(["GET", "POST"])
def introduction_respond(request, slug, uid):
    programme = programme_for(request, slug, can_view_my_introductions)
    introduction = queries.introduction_get(programme=programme, uid=uid)
    sides = introduction_sides(request.user, introduction)
    visible(bool(sides))  # another organisation's introduction: not even its existence
    side = request.GET.get("side") if request.GET.get("side") in sides else sides[0]
    form = RespondForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        accept = form.cleaned_data["answer"] == "accept"
        try:
            services.introduction_respond(
                actor=request.user,
                introduction=introduction,
                side=side,
                accept=accept,
                reason=form.cleaned_data["reason"],
                on=today(),
            )
        except DomainError as exc:
            add_service_error(form, exc)
        else:
            messages.success(
                request, f"You {'accepted' if accept else 'declined'} the introduction."
            )
            return redirect("brokering:my_introductions", programme.slug)
    return render(
        request,
        "brokering/introduction_respond.html",
        context(
            programme,
            introduction=introduction,
            side=side,
            other=getattr(introduction, OTHER[side]),
            ours=getattr(introduction, side),
            contacts=_shared_contacts(introduction, [side]),
            form=form,
        ),
    )


def _shared_contacts(introduction, sides) -> list:
    """Once both sides have accepted, the other side's named contacts (for each side the
    user answers for); before that, none: accepting is what shares them."""
    if introduction.status != IntroductionStatus.ACCEPTED:
        return []
    return [
        (
            getattr(introduction, OTHER[side]),
            queries.introduction_contacts(introduction, OTHER[side]),
        )
        for side in sides
    ]


@require_http_methods(["GET", "POST"])
def introduction_record(request, slug, uid):
    """The brokers record an answer sent by email or given on the phone, for someone
    without an account; the history says who recorded it for whom."""
    programme = programme_for(request, slug, can_broker)
    introduction = queries.introduction_get(programme=programme, uid=uid)
    check(can_record_answer(request.user, introduction))
    waiting = [
        (side, f"{getattr(introduction, side).name}, the {side}")
        for side in services.SIDES
        if introduction.answerable and getattr(introduction, f"{side}_response") == Response.PENDING
    ]
    form = RecordAnswerForm(
        request.POST or None,
        sides=waiting,
        initial={"side": request.GET.get("side"), "on": today()},
    )
    if request.method == "POST" and waiting and form.is_valid():
        data = form.cleaned_data
        try:
            services.introduction_answer_record(
                actor=request.user,
                introduction=introduction,
                side=data["side"],
                accept=data["answer"] == "accept",
                reason=data["reason"],
                on=data["on"],
                answered_by=data["answered_by"],
            )
        except DomainError as exc:
            add_service_error(form, exc)
        else:
            organisation = getattr(introduction, data["side"])
            messages.success(request, f"{organisation.name}’s answer is recorded.")
            return redirect("brokering:round_detail", programme.slug, introduction.round.uid)
    return render(
        request,
        "brokering/introduction_record.html",
        context(programme, introduction=introduction, form=form, waiting=waiting),
    )


PARTNERSHIP_SORTS = [
    Sort("introduced", "Introduced", ("-introduced_on", "name")),
    Sort("name", "Partnership", ("name",)),
    Sort("stage", "Stage", ("stage", "name")),
    Sort("confirmed", "Confirmed", ("-confirmed_on", "name")),
    Sort("value", "Estimated value", ("-estimated_value_minor", "name")),
]
PARTNERSHIP_COLUMNS = [
    Column("Partnership", lambda p: p.name),
    Column("Innovator", lambda p: p.innovator.name if p.innovator else ""),
    Column("Partners", lambda p: "; ".join(pp.organisation.name for pp in p.partners.all())),
    Column("Type", lambda p: p.get_kind_display()),
    Column("Stage", lambda p: p.get_stage_display()),
    Column("Proposed", lambda p: p.proposed_on),
    Column("Introduced", lambda p: p.introduced_on),
    Column("Confirmed", lambda p: p.confirmed_on),
    Column("Ended", lambda p: p.ended_on),
    Column("Estimated value", lambda p: p.estimated_value),
    Column("Currency", lambda p: p.estimated_value_currency),
    Column("Id", lambda p: p.uid),
]


@require_GET
def partnership_index(request, slug):
    programme = programme_for(request, slug, can_view_partnerships)
    introduced = request.GET.get("introduced") == "yes"
    period = _period(request, programme) if introduced else None
    partnerships = queries.partnership_list(
        user=request.user, programme=programme, introduced_in=period
    )
    listing = list_page(
        request,
        partnerships,
        filterset_class=PartnershipFilter,
        sorts=PARTNERSHIP_SORTS,
        columns=PARTNERSHIP_COLUMNS,
        filename=f"{programme.slug}-partnerships.csv",
    )
    if not isinstance(listing, dict):
        return listing
    return render(
        request,
        "brokering/partnership_list.html",
        context(
            programme,
            **listing,
            introduced=introduced,
            period=period,
            conversion=queries.conversion(programme, period) if introduced else None,
        ),
    )


def _period(request, programme) -> Period:
    """The period from ?from=…&to=… (ISO dates, as the dashboard links), else the programme's."""
    default = programme_period(programme)
    try:
        start = date.fromisoformat(request.GET.get("from", ""))
        end = date.fromisoformat(request.GET.get("to", ""))
    except ValueError:
        return default
    return Period(start, end) if start <= end else default


@require_GET
def partnership_history(request, slug, uid):
    """Every change to the partnership, its partners and its introduction (as its page)."""
    programme = programme_for(request, slug, lambda user, p: True)
    partnership = queries.partnership_get(programme=programme, uid=uid)
    visible(can_view_partnership(request.user, partnership))
    return record_history_page(
        request,
        programme=programme,
        parts=queries.partnership_history_parts(partnership),
        record=str(partnership),
        back=(
            reverse("brokering:partnership_detail", args=[slug, uid]),
            "Back to the partnership",
        ),
        filename=f"{programme.slug}-partnership-{uid}-history.csv",
        nav_current="brokering",
        caption="Changes to this partnership, its partners and its introduction",
    )


@require_http_methods(["GET", "POST"])
def partnership_detail(request, slug, uid):
    programme = programme_for(request, slug, lambda user, p: True)
    partnership = queries.partnership_get(programme=programme, uid=uid)
    visible(can_view_partnership(request.user, partnership))
    may_move = can_move_partnership(request.user, partnership)
    introduction = getattr(partnership, "introduction", None)
    stages = [s for s in PAGE_MOVES if can_move(partnership.stage, s)]
    form = MoveForm(request.POST or None, stages=stages) if may_move and stages else None
    if form is not None:
        form = opened(form, partnership)
    if request.method == "POST":
        check(form is not None)
        if form.is_valid():
            try:
                services.partnership_move(
                    actor=request.user,
                    partnership=partnership,
                    stage=form.cleaned_data["stage"],
                    on=form.cleaned_data["on"],
                    estimated_value=form.cleaned_data["estimated_value"],
                )
            except DomainError as exc:
                add_service_error(form, exc)
            else:
                messages.success(request, f"Moved to {Stage(partnership.stage).label.lower()}.")
                return redirect("brokering:partnership_detail", programme.slug, uid)
    return render(
        request,
        "brokering/partnership_detail.html",
        context(
            programme,
            partnership=partnership,
            stage=Stage(partnership.stage),
            partners=[
                pp.organisation for pp in partnership.partners.select_related("organisation")
            ],
            introduction=introduction,
            form=form,
            history=history_entries(partnership),
            introduction_history=history_entries(introduction) if introduction else [],
        ),
    )
