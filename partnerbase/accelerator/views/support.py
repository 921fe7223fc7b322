"""Support sessions with attendance, and milestones for one or all innovators."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from partnerbase.core.errors import DomainError
from partnerbase.core.forms import add_service_error
from partnerbase.programmes.access import programme_for

from .. import queries, services
from ..forms import ALL, AttendanceForm, MilestoneForm, SessionForm
from ..models import MembershipStatus
from ..permissions import can_manage_accelerator
from .common import context


@require_http_methods(["GET", "POST"])
def session_add(request, slug, uid):
    programme = programme_for(request, slug, can_manage_accelerator)
    cohort = queries.cohort_get(programme=programme, uid=uid)
    form = SessionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            session = services.session_create(
                actor=request.user, cohort=cohort, **form.cleaned_data
            )
        except (DomainError, ValidationError) as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, f"Session added: {session.title}. Now record who attended.")
            return redirect("accelerator:session", programme.slug, session.uid)
    return render(
        request, "accelerator/session_form.html", context(programme, cohort=cohort, form=form)
    )


@require_http_methods(["GET", "POST"])
def session(request, slug, uid):
    programme = programme_for(request, slug, can_manage_accelerator)
    session = queries.session_get(programme=programme, uid=uid)
    members = list(session.cohort.memberships.select_related("organisation"))
    # Someone who withdrew before the session cannot have attended it.
    eligible = [
        m
        for m in members
        if m.status != MembershipStatus.WITHDRAWN or m.withdrawn_on > session.held_on
    ]
    attended = {a.membership_id for a in session.attendances.all()}
    form = AttendanceForm(
        request.POST or None,
        memberships=eligible,
        initial={"attended": [str(m.uid) for m in eligible if m.pk in attended]},
    )
    if request.method == "POST" and form.is_valid():
        by_uid = {str(m.uid): m for m in eligible}
        try:
            rows = services.attendance_set(
                actor=request.user,
                session=session,
                memberships=[by_uid[u] for u in form.cleaned_data["attended"]],
            )
        except (DomainError, ValidationError) as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, f"Attendance saved: {len(rows)} attended.")
            return redirect("accelerator:cohort", programme.slug, session.cohort.uid)
    return render(
        request,
        "accelerator/session.html",
        context(programme, session=session, cohort=session.cohort, form=form),
    )


@require_http_methods(["GET", "POST"])
def milestone_add(request, slug, uid):
    programme = programme_for(request, slug, can_manage_accelerator)
    cohort = queries.cohort_get(programme=programme, uid=uid)
    members = list(
        cohort.memberships.exclude(status=MembershipStatus.WITHDRAWN).select_related("organisation")
    )
    form = MilestoneForm(
        request.POST or None, memberships=members, initial={"membership": request.GET.get("for")}
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        target = data.pop("membership")
        try:
            if target == ALL:
                made = services.milestones_create_for_cohort(
                    actor=request.user, cohort=cohort, **data
                )
            else:
                membership = next(m for m in members if str(m.uid) == target)
                made = [
                    services.milestone_create(actor=request.user, membership=membership, **data)
                ]
        except (DomainError, ValidationError) as exc:
            add_service_error(form, exc)
        else:
            messages.success(
                request,
                f"Milestone set for {len(made)} innovator{'s' if len(made) != 1 else ''}.",
            )
            return redirect("accelerator:cohort", programme.slug, cohort.uid)
    return render(
        request, "accelerator/milestone_form.html", context(programme, cohort=cohort, form=form)
    )
