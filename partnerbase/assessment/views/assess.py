"""The assessor's pages: the overview, their list and the score form."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from partnerbase.calls.queries import call_list
from partnerbase.core.pages import saved
from partnerbase.programmes.access import programme_for

from .. import queries, services
from ..forms import (
    ScoreSheetForm,
)
from ..permissions import (
    can_assess,
    can_manage_assessment,
    can_score,
    can_see_all_scores,
    can_view_assessment,
    can_view_assignment,
)
from .common import _page


@require_GET
def index(request, slug):
    programme = programme_for(request, slug, can_view_assessment)
    manager = can_manage_assessment(request.user, programme)
    mine = list(queries.my_assignments(user=request.user, programme=programme))
    return _page(
        request,
        "assessment/index.html",
        programme,
        calls=call_list(programme=programme) if manager else [],
        can_manage=manager,
        can_assess=can_assess(request.user, programme),
        mine=mine,
    )


@require_GET
def mine(request, slug):
    programme = programme_for(request, slug, can_assess)
    return _page(
        request,
        "assessment/mine.html",
        programme,
        assignments=queries.my_assignments(user=request.user, programme=programme),
    )


# --- scoring -----------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def score(request, slug, uid):
    programme = programme_for(request, slug, can_view_assessment)
    assignment = queries.assignment_get(programme=programme, uid=uid)
    if not can_view_assignment(request.user, assignment):
        raise Http404("No such assignment")  # another assessor's: its existence stays hidden
    mine = can_score(request.user, assignment)
    if request.method == "POST" and not mine:
        raise PermissionDenied
    criteria = queries.criteria_of(assignment.application.call)
    own = queries.scores_by_assignment([assignment])[assignment.pk]
    form = ScoreSheetForm(
        request.POST if request.method == "POST" else None,
        criteria=criteria,
        initial_scores={s.criterion_id: (s.score, s.comment) for s in own},
    )
    if request.method == "POST" and form.is_valid():
        submitting = form.submitting

        def save():
            services.scores_save(
                actor=request.user, assignment=assignment, scores=form.scores(), submit=submitting
            )

        if saved(form, save):
            name = assignment.application.organisation
            messages.success(
                request,
                f"Scores for {name} submitted."
                if submitting
                else f"Draft scores for {name} saved.",
            )
            return redirect(reverse("assessment:score", args=[slug, assignment.uid]))
    others = []
    if can_see_all_scores(request.user, assignment):
        siblings = list(
            assignment.application.assessments.select_related("assessor").order_by(
                "assessor__full_name", "assessor__email"
            )
        )
        by = queries.scores_by_assignment(siblings)
        others = [(a, by[a.pk]) for a in siblings if a.pk != assignment.pk or not mine]
    answers = assignment.application.answers.select_related("question")
    return _page(
        request,
        "assessment/score.html",
        programme,
        assignment=assignment,
        form=form,
        mine=mine,
        criteria=criteria,
        own=own,
        others=others,
        answers=answers,
        can_see_all=can_see_all_scores(request.user, assignment),
    )
