"""Selection: decide each submitted application, tell applicants, select the cohort."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from partnerbase.assessment import queries as assessment_queries
from partnerbase.assessment.scoring import IncompleteScores
from partnerbase.calls.queries import call_get
from partnerbase.core.errors import DomainError
from partnerbase.core.forms import add_service_error, opened
from partnerbase.core.history import history_entries
from partnerbase.core.versions import check_current
from partnerbase.programmes.access import check, programme_for

from .. import queries, services
from ..forms import CohortSelectForm, DecisionForm
from ..models import Decision
from ..permissions import can_change_notified_decision, can_manage_accelerator
from .common import context


def _ranked(call, applications: list) -> list:
    """The applications in the assessment ranking's order (raw scores), each with `rank`,
    `score` and `flagged`; unscored ones last, in name order."""
    try:
        rows, _ = assessment_queries.ranking(call, normalised=False)
    except IncompleteScores:
        rows = []
    by_pk = {r.application: r for r in rows}
    for a in applications:
        row = by_pk.get(a.pk)
        a.rank = row.rank if row else None
        a.score = round(float(row.raw)) if row and row.raw is not None else None
        a.flagged = bool(row and row.flagged)
    return sorted(applications, key=lambda a: (a.rank is None, a.rank or 0))


@require_GET
def selection(request, slug, call_slug):
    programme = programme_for(request, slug, can_manage_accelerator)
    call = call_get(programme=programme, slug=call_slug)
    applications = _ranked(call, list(queries.submitted_applications(call=call)))
    decided = [a for a in applications if hasattr(a, "selection")]
    counts = {d.label: sum(a.selection.decision == d for a in decided) for d in Decision}
    unnotified = sum(1 for a in decided if not a.selection.notified_at)
    cohorts = queries.cohort_list(programme=programme).filter(accelerator=call.accelerator)
    return render(
        request,
        "accelerator/selection.html",
        context(
            programme,
            call=call,
            applications=applications,
            counts=counts,
            undecided=len(applications) - len(decided),
            unnotified=unnotified,
            cohorts=cohorts,
        ),
    )


@require_http_methods(["GET", "POST"])
def decide(request, slug, call_slug, uid):
    programme = programme_for(request, slug, can_manage_accelerator)
    call = call_get(programme=programme, slug=call_slug)
    application = queries.application_get(call=call, uid=uid)
    selection = getattr(application, "selection", None)
    locked = bool(selection and selection.notified_at)
    if locked:
        check(can_change_notified_decision(request.user, programme))
    initial = {"decision": selection.decision, "reason": selection.reason} if selection else None
    form = DecisionForm(request.POST or None, initial=initial)
    if not locked:
        del form.fields["change_reason"]
    if selection:
        form = opened(form, selection)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():  # the service saves the selection it reads again
                if selection:
                    check_current(selection)
                services.decision_record(
                    actor=request.user, application=application, **form.cleaned_data
                )
        except (DomainError, ValidationError) as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, f"Decision saved for {application.organisation}.")
            return redirect("accelerator:selection", programme.slug, call.slug)
    return render(
        request,
        "accelerator/decide.html",
        context(
            programme,
            call=call,
            application=application,
            selection=selection,
            locked=locked,
            form=form,
            history=history_entries(selection) if selection else [],
        ),
    )


@require_POST
def notify(request, slug, call_slug):
    programme = programme_for(request, slug, can_manage_accelerator)
    call = call_get(programme=programme, slug=call_slug)
    selections = [
        a.selection
        for a in queries.submitted_applications(call=call)
        if hasattr(a, "selection") and not a.selection.notified_at
    ]
    if not selections:
        messages.info(request, "Every applicant with a decision has already been told.")
    else:
        told = services.decision_notify(actor=request.user, selections=selections)
        messages.success(
            request,
            f"{len(selections)} applicant{'s' if len(selections) != 1 else ''} told of the "
            f"decision; {told} {'people' if told != 1 else 'person'} notified by email.",
        )
    return redirect("accelerator:selection", programme.slug, call.slug)


@require_http_methods(["GET", "POST"])
def select_cohort(request, slug, call_slug):
    programme = programme_for(request, slug, can_manage_accelerator)
    call = call_get(programme=programme, slug=call_slug)
    applications = _ranked(call, list(queries.submitted_applications(call=call)))
    # Those already in a cohort are done; the rest can be selected into one.
    open_ = [
        a for a in applications if not getattr(getattr(a, "selection", None), "membership", None)
    ]
    placed = [a for a in applications if a not in open_]
    cohorts = list(queries.cohort_list(programme=programme).filter(accelerator=call.accelerator))
    initial = {
        "applications": [
            str(a.uid)
            for a in open_
            if getattr(a, "selection", None) and a.selection.decision == Decision.SELECTED
        ],
        "cohort": str(cohorts[0].uid) if cohorts else "",
        "joined_on": cohorts[0].starts_on if cohorts else None,
    }
    form = CohortSelectForm(
        request.POST or None, applications=open_, cohorts=cohorts, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        by_uid = {str(a.uid): a for a in open_}
        cohort = next(c for c in cohorts if str(c.uid) == data["cohort"])
        try:
            chosen = services.cohort_select(
                actor=request.user,
                cohort=cohort,
                applications=[by_uid[u] for u in data["applications"]],
                joined_on=data["joined_on"],
                reason=data["reason"],
            )
        except (DomainError, ValidationError) as exc:
            add_service_error(form, exc)
        else:
            messages.success(
                request,
                f"{len(chosen)} innovator{'s' if len(chosen) != 1 else ''} joined {cohort}.",
            )
            return redirect("accelerator:cohort", programme.slug, cohort.uid)
    return render(
        request,
        "accelerator/select_cohort.html",
        context(programme, call=call, form=form, placed=placed, cohorts=cohorts),
    )
