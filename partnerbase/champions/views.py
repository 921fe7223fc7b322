"""Champion targeting pages: the ranked long list with the weights beside it, adding a
prospect or a criterion, and a prospect's page (scores, stage, contacts, commit)."""

from functools import partial

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from partnerbase.core.errors import DomainError
from partnerbase.core.forms import opened, opened_rows
from partnerbase.core.pages import saved
from partnerbase.programmes.access import programme_for

from . import services
from .forms import (
    CommitForm,
    ContactForm,
    CriterionForm,
    ProspectForm,
    ScoresForm,
    StageForm,
    WeightsForm,
)
from .models import Stage
from .permissions import can_target_champions
from .queries import (
    criteria_shown,
    prospect_contacts,
    prospect_get,
    ranked_prospects,
    scores_version,
    stage_counts,
    weights_version,
)
from .ranking import SCORE_MAX, Criterion, shares

NAV = "champions"


_programme = partial(programme_for, allowed=can_target_champions)


def _weights_form(programme, data=None):
    form = WeightsForm(data, criteria=criteria_shown(programme))
    form.opened_version = opened_rows(form, weights_version(programme))
    return form


def _scores_form(prospect, criteria, data=None, scores=None):
    form = ScoresForm(data, criteria=criteria, scores=scores)
    form.opened_version = opened_rows(form, scores_version(prospect))
    return form


def list_url(programme, stage=""):
    url = reverse("champions:prospect_list", args=[programme.slug])
    return f"{url}?stage={stage}" if stage else url


def prospect_url(prospect):
    return reverse("champions:prospect_detail", args=[prospect.programme.slug, prospect.uid])


def _ranking_context(request, programme, stage, form=None):
    criteria = criteria_shown(programme)
    stage = stage if stage in Stage.values else ""
    weighted = [c for c in criteria if c.weight]
    counts = stage_counts(programme)
    return {
        "programme": programme,
        "criteria": criteria,
        "shares": shares([Criterion(c.key, c.weight) for c in criteria]) if weighted else {},
        "rows": ranked_prospects(programme, criteria, stage),
        "stage": stage,
        "stages": [
            (value, label, n)
            for (value, label), n in zip(Stage.choices, counts.values(), strict=True)
        ],
        "total": sum(counts.values()),
        "weights_form": form or _weights_form(programme),
        "form": form,
        "score_max": SCORE_MAX,
        "nav_current": NAV,
    }


@require_GET
def prospect_list(request, slug):
    programme = _programme(request, slug)
    context = _ranking_context(request, programme, request.GET.get("stage", ""))
    return render(request, "champions/prospect_list.html", context)


@require_http_methods(["GET", "POST"])
def weights_edit(request, slug):
    """Set the weights and re-rank: htmx swaps in the ranking; without JS, a normal POST."""
    programme = _programme(request, slug)
    stage = request.POST.get("stage", "")
    if request.method == "GET":
        return redirect(list_url(programme))
    form = _weights_form(programme, request.POST)
    htmx = request.headers.get("HX-Request") == "true"
    if form.is_valid() and saved(
        form,
        lambda: services.weights_set(
            actor=request.user,
            programme=programme,
            weights=form.weights(),
            version=form.opened_version,
        ),
        lambda: {f"weight_{c.key}": c.weight for c in criteria_shown(programme)},
    ):
        if not htmx:
            messages.success(request, "Weights saved and the long list re-ranked.")
            return redirect(list_url(programme, stage))
        form = None
    context = _ranking_context(request, programme, stage, form)
    context["updated"] = form is None
    template = "champions/_ranking.html" if htmx else "champions/prospect_list.html"
    return render(request, template, context)


@require_http_methods(["GET", "POST"])
def criterion_add(request, slug):
    programme = _programme(request, slug)
    form = CriterionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():

        def save():
            services.criterion_add(
                actor=request.user, programme=programme, keep_defaults=True, **form.cleaned_data
            )

        if saved(form, save):
            messages.success(request, f"Criterion “{form.cleaned_data['name']}” added.")
            return redirect(list_url(programme))
    return render(
        request,
        "champions/criterion_form.html",
        {"programme": programme, "form": form, "nav_current": NAV},
    )


@require_http_methods(["GET", "POST"])
def prospect_add(request, slug):
    programme = _programme(request, slug)
    form = ProspectForm(request.POST or None, programme=programme)
    if request.method == "POST" and form.is_valid():
        result = {}

        def save():
            result["prospect"] = services.prospect_add(
                actor=request.user, programme=programme, **form.cleaned_data
            )

        if saved(form, save):
            messages.success(request, f"{result['prospect']} added to the long list.")
            return redirect(prospect_url(result["prospect"]))
    return render(
        request,
        "champions/prospect_form.html",
        {"programme": programme, "form": form, "nav_current": NAV},
    )


def _detail(request, programme, prospect, bound=None):
    criteria = criteria_shown(programme)
    rows = ranked_prospects(programme, criteria)
    row = next(r for r in rows if r.prospect.pk == prospect.pk)
    forms = {
        "scores_form": _scores_form(prospect, criteria, scores=row.scores),
        "stage_form": opened(StageForm(prospect=prospect), prospect),
        "contact_form": ContactForm(),
        "commit_form": CommitForm(),
    }
    forms.update(bound or {})
    failed = next((f for f in (bound or {}).values() if f.errors), None)
    return render(
        request,
        "champions/prospect_detail.html",
        {
            "programme": programme,
            "prospect": prospect,
            "row": row,
            "of": len(rows),
            "criteria": criteria,
            "changes": prospect.stage_changes.all(),
            "contacts": prospect_contacts(prospect),
            "can_move": bool(forms["stage_form"].fields["to_stage"].choices),
            "can_commit": prospect.stage == Stage.MET,
            "form": failed,
            "nav_current": NAV,
            **forms,
        },
        status=200,
    )


@require_GET
def prospect_detail(request, slug, uid):
    programme = _programme(request, slug)
    return _detail(request, programme, prospect_get(programme=programme, uid=uid))


def _action(request, slug, uid, name, make_form, save, success, saved_now=None):
    """A POST from one of the prospect page's forms: saved and back to the page, or the
    page again with that form's errors and nothing saved."""
    programme = _programme(request, slug)
    prospect = prospect_get(programme=programme, uid=uid)
    form = make_form(programme, prospect)
    now = saved_now and (lambda: saved_now(prospect))
    if form.is_valid() and saved(form, lambda: save(prospect, form.cleaned_data), now):
        messages.success(request, success(prospect, form.cleaned_data))
        return redirect(prospect_url(prospect))
    prospect.refresh_from_db()
    return _detail(request, programme, prospect, {name: form})


@require_POST
def scores_edit(request, slug, uid):
    forms = {}

    def make(programme, prospect):
        forms["scores"] = _scores_form(prospect, criteria_shown(programme), request.POST)
        return forms["scores"]

    def saved_now(prospect):
        scores = {s.criterion_id: s.value for s in prospect.scores.all()}
        return {f"criterion_{c.key}": scores.get(c.pk) for c in criteria_shown(prospect.programme)}

    return _action(
        request,
        slug,
        uid,
        "scores_form",
        make,
        lambda p, data: services.prospect_score(
            actor=request.user,
            prospect=p,
            scores=[(c, data[f"criterion_{c.key}"]) for c in criteria_shown(p.programme)],
            version=forms["scores"].opened_version,
        ),
        lambda p, data: "Scores saved.",
        saved_now,
    )


@require_POST
def stage_move(request, slug, uid):
    return _action(
        request,
        slug,
        uid,
        "stage_form",
        lambda programme, prospect: opened(StageForm(request.POST, prospect=prospect), prospect),
        lambda p, data: services.prospect_move(actor=request.user, prospect=p, **data),
        lambda p, data: f"{p.person} moved to {Stage(data['to_stage']).label.lower()}.",
    )


@require_POST
def contact_add(request, slug, uid):
    return _action(
        request,
        slug,
        uid,
        "contact_form",
        lambda programme, prospect: ContactForm(request.POST),
        lambda p, data: services.contact_log(actor=request.user, prospect=p, **data),
        lambda p, data: f"Contact with {p.person} logged.",
    )


@require_POST
def commit(request, slug, uid):
    return _action(
        request,
        slug,
        uid,
        "commit_form",
        lambda programme, prospect: CommitForm(request.POST),
        lambda p, data: services.prospect_commit(
            actor=request.user,
            prospect=p,
            term_starts_on=data["term_starts_on"],
            role=data["role"],
        ),
        lambda p, data: f"{p.person} committed and now has a seat on the board.",
    )


@require_http_methods(["GET", "POST"])
def prospect_remove(request, slug, uid):
    """Confirm and remove a prospect; one who took a board seat is refused, saying why."""
    programme = _programme(request, slug)
    prospect = prospect_get(programme=programme, uid=uid)
    refusal = ""
    if request.method == "POST":
        try:
            services.prospect_remove(actor=request.user, prospect=prospect)
        except DomainError as exc:
            refusal = exc.message
        else:
            messages.success(request, f"{prospect.person} removed from the list.")
            return redirect(list_url(programme))
    return render(
        request,
        "champions/prospect_remove.html",
        {
            "programme": programme,
            "prospect": prospect,
            "refusal": refusal or services.prospect_dependents(prospect),
            "contact_count": prospect.contacts.count(),
            "nav_current": NAV,
        },
    )
