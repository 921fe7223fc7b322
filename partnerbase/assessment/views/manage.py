"""The managers' pages: a call's rubric, assignments, ranking and moderation notes."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from partnerbase.core.errors import DomainError
from partnerbase.core.forms import opened
from partnerbase.core.pages import saved
from partnerbase.core.versions import check_current
from partnerbase.rubrics.models import Criterion

from .. import queries, services
from ..forms import (
    AssignForm,
    AutoAssignForm,
    CriterionForm,
    ModerationForm,
    ThresholdForm,
)
from ..models import ModerationNote
from .common import _managed_call, _page, _two

# --- the rubric --------------------------------------------------------------------------


def rubric_url(call):
    return reverse("assessment:rubric", args=[call.programme.slug, call.slug])


@require_http_methods(["GET", "POST"])
def rubric(request, slug, call_slug):
    programme, call = _managed_call(request, slug, call_slug)
    form = CriterionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():

        def save():
            rubric = services.rubric_ensure(actor=request.user, call=call)
            services.criterion_add(actor=request.user, rubric=rubric, **form.cleaned_data)

        if saved(form, save):
            messages.success(request, f"Criterion “{form.cleaned_data['name']}” added.")
            return redirect(rubric_url(call))
    return _page(
        request,
        "assessment/rubric.html",
        programme,
        call=call,
        form=form,
        criteria=queries.criteria_of(call),
        started=services.scoring_started(call),
    )


@require_POST
def criterion_remove(request, slug, call_slug, uid):
    programme, call = _managed_call(request, slug, call_slug)
    criterion = get_object_or_404(Criterion, rubric__call=call, uid=uid)
    try:
        services.criterion_remove(actor=request.user, criterion=criterion)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"Criterion “{criterion.name}” removed.")
    return redirect(rubric_url(call))


# --- assignments -------------------------------------------------------------------------


def assignments_url(call):
    return reverse("assessment:assignments", args=[call.programme.slug, call.slug])


def _assignment_page(request, programme, call, form, auto_form):
    applications = list(queries.submitted_applications(call))
    by_app = {a.pk: [] for a in applications}
    for a in queries.assignments_of_call(call):
        by_app.setdefault(a.application_id, []).append(a)
    loads = {}
    for rows in by_app.values():
        for a in rows:
            loads[a.assessor] = loads.get(a.assessor, 0) + 1
    assessors = list(queries.assessors_of(programme))
    return _page(
        request,
        "assessment/assignments.html",
        programme,
        call=call,
        form=form,
        auto_form=auto_form,
        rows=[(app, by_app[app.pk]) for app in applications],
        loads=[(u, loads.get(u, 0)) for u in assessors],
    )


def _assign_form(request, programme, call):
    return AssignForm(
        request.POST if request.method == "POST" else None,
        applications=queries.submitted_applications(call),
        assessors=queries.assessors_of(programme),
    )


@require_http_methods(["GET", "POST"])
def assignments(request, slug, call_slug):
    programme, call = _managed_call(request, slug, call_slug)
    form = _assign_form(request, programme, call)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if saved(form, lambda: services.assignment_add(actor=request.user, **data)):
            messages.success(
                request, f"{data['assessor']} will assess {data['application'].organisation}."
            )
            return redirect(assignments_url(call))
    return _assignment_page(request, programme, call, form, AutoAssignForm())


@require_http_methods(["POST"])
def assignments_auto(request, slug, call_slug):
    programme, call = _managed_call(request, slug, call_slug)
    auto_form = AutoAssignForm(request.POST)
    if auto_form.is_valid():
        result = None

        def save():
            nonlocal result
            result = services.assignments_auto(
                actor=request.user, call=call, **auto_form.cleaned_data
            )

        if saved(auto_form, save):
            n = auto_form.cleaned_data["per_application"]
            messages.success(request, f"{len(result.created)} assignments added.")
            short = sorted(result.short.items(), key=lambda x: x[0].organisation.name)
            if short:
                # One message: each banner is a landmark, and two alike would not be unique.
                names = "; ".join(f"{app.organisation} ({missing} short)" for app, missing in short)
                messages.warning(
                    request,
                    f"These applications could not get {n} assessors without a conflict of "
                    f"interest: {names}.",
                )
            return redirect(assignments_url(call))
    return _assignment_page(
        request,
        programme,
        call,
        AssignForm(
            applications=queries.submitted_applications(call),
            assessors=queries.assessors_of(programme),
        ),
        auto_form,
    )


@require_POST
def assignment_remove(request, slug, call_slug, uid):
    programme, call = _managed_call(request, slug, call_slug)
    assignment = queries.assignment_get(programme=programme, uid=uid)
    if assignment.application.call_id != call.pk:
        raise PermissionDenied
    try:
        services.assignment_remove(actor=request.user, assignment=assignment)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request,
            f"{assignment.assessor} no longer assesses {assignment.application.organisation}.",
        )
    return redirect(assignments_url(call))


# --- the ranking -------------------------------------------------------------------------


def ranking_url(call, normalised=False):
    url = reverse("assessment:ranking", args=[call.programme.slug, call.slug])
    return url + ("?view=normalised" if normalised else "")


@require_http_methods(["GET", "POST"])
def ranking(request, slug, call_slug):
    programme, call = _managed_call(request, slug, call_slug)
    normalised = request.GET.get("view") == "normalised"
    rubric = queries.rubric_of(call)
    form = ThresholdForm(
        request.POST if request.method == "POST" else None,
        initial={"disagreement_threshold": rubric.disagreement_threshold if rubric else 25},
    )
    if rubric:
        form = opened(form, rubric)
    if request.method == "POST" and form.is_valid():

        @transaction.atomic
        def save():
            if rubric:
                check_current(rubric)  # the service saves the rubric it ensures
            services.rubric_threshold_set(
                actor=request.user,
                rubric=services.rubric_ensure(actor=request.user, call=call),
                **form.cleaned_data,
            )

        if saved(form, save):
            messages.success(request, "Disagreement threshold saved.")
            return redirect(ranking_url(call, normalised))
    rows, applications = queries.ranking(call, normalised=normalised)
    notes = dict(
        ModerationNote.objects.filter(application__call=call).values_list("application_id", "note")
    )
    table = [
        {
            "row": r,
            "application": applications[r.application],
            "raw": _two(r.raw),
            "normalised": "—" if r.normalised is None else f"{r.normalised:+.2f}",
            "spread": _two(r.spread),
            "note": notes.get(r.application, ""),
        }
        for r in rows
    ]
    return _page(
        request,
        "assessment/ranking.html",
        programme,
        call=call,
        table=table,
        form=form,
        normalised=normalised,
        rubric=rubric,
        flagged=sum(1 for r in rows if r.flagged),
    )


@require_http_methods(["GET", "POST"])
def moderation_note(request, slug, call_slug, application_uid):
    programme, call = _managed_call(request, slug, call_slug)
    application = get_object_or_404(queries.submitted_applications(call), uid=application_uid)
    current = ModerationNote.objects.filter(application=application).first()
    form = ModerationForm(
        request.POST if request.method == "POST" else None,
        initial={"note": current.note if current else ""},
    )
    if current:
        form = opened(form, current)
    if request.method == "POST" and form.is_valid():
        note = form.cleaned_data["note"]

        @transaction.atomic
        def save():
            if current:
                check_current(current)  # the service saves the note it reads again
            services.moderation_note_save(actor=request.user, application=application, note=note)

        if saved(form, save):
            messages.success(request, f"Moderation note on {application.organisation} saved.")
            return redirect(ranking_url(call))
    return _page(
        request,
        "assessment/moderation_form.html",
        programme,
        call=call,
        application=application,
        form=form,
    )
