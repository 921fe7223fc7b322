"""Competition pages: the list, a competition (stages, entries, ranking, awards), creating
one and adding its stages and rubric, entering, judges, the judge's scoring form and the
award form."""

from datetime import date

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from partnerbase.accounts.permissions import can_manage_programme
from partnerbase.core.errors import DomainError
from partnerbase.core.money import format_money
from partnerbase.core.pages import form_page
from partnerbase.programmes.access import programme_for

from .. import services
from ..forms import (
    AwardForm,
    CompetitionForm,
    CriterionForm,
    EntryForm,
    JudgeForm,
    ScoreForm,
    StageForm,
)
from ..models import CompetitionAward, JudgeAssignment
from ..permissions import (
    can_create_competition,
    can_manage_competition,
    can_score,
    can_view_competition,
    can_view_competitions,
)
from ..queries import (
    competition_get,
    competition_list,
    judge_assignments,
    judging_started,
    money_total,
    ranking_for,
    visible_entries,
)
from .common import NAV


def _competition(request, slug, uid):
    programme = programme_for(request, slug, can_view_competitions)
    competition = competition_get(user=request.user, programme=programme, uid=uid)
    if not can_view_competition(request.user, competition):
        raise Http404("No such competition")
    return programme, competition


def _managed(request, slug, uid):
    programme, competition = _competition(request, slug, uid)
    if not can_manage_competition(request.user, competition):
        raise PermissionDenied
    return programme, competition


def _amount(funding_award) -> str:
    return format_money(funding_award.amount, funding_award.currency)


def competition_url(competition) -> str:
    return reverse(
        "projects:competition_detail", args=[competition.programme.slug, competition.uid]
    )


@require_GET
def competition_index(request, slug):
    programme = programme_for(request, slug, can_view_competitions)
    return render(
        request,
        "projects/competition_list.html",
        {
            "programme": programme,
            "competitions": competition_list(user=request.user, programme=programme),
            "can_create": can_create_competition(request.user, programme),
            "nav_current": NAV,
        },
    )


@require_GET
def competition_detail(request, slug, uid):
    programme, competition = _competition(request, slug, uid)
    entries = visible_entries(request.user, competition)
    awards = (
        CompetitionAward.objects.filter(entry__in=entries)
        .select_related("entry__organisation", "funding_award")
        .order_by("funding_award__award_date", "id")
    )
    prize_fund = money_total(
        programme,
        [(competition.prize_fund_currency, competition.launch_date, competition.prize_fund_minor)],
    )
    return render(
        request,
        "projects/competition_detail.html",
        {
            "programme": programme,
            "competition": competition,
            "prize_fund": prize_fund,
            "stages": competition.stages.all(),
            "criteria": competition.criteria.all(),
            "entries": entries,
            "ranking": ranking_for(request.user, competition),
            "judges": competition.judges.select_related("user", "organisation")
            if can_manage_competition(request.user, competition)
            else [],
            "awards": awards,
            "assignments": judge_assignments(request.user, competition),
            "can_manage": can_manage_competition(request.user, competition),
            "can_publish": can_manage_programme(request.user, programme),
            "rubric_open": not judging_started(competition),
            "nav_current": NAV,
        },
    )


@require_POST
def competition_publish(request, slug, uid):
    """The convening team puts the competition on the public page, or takes it off."""
    programme, competition = _competition(request, slug, uid)
    if not can_manage_programme(request.user, programme):
        raise PermissionDenied
    published = request.POST.get("publish") == "yes"
    services.competition_publish(actor=request.user, competition=competition, published=published)
    messages.success(
        request, f"{competition.name} is {'on' if published else 'off'} the public page."
    )
    return redirect(competition_url(competition))


@require_http_methods(["GET", "POST"])
def competition_add(request, slug):
    programme = programme_for(request, slug, can_create_competition)
    form = CompetitionForm(request.POST or None, programme=programme)
    return form_page(
        request,
        "projects/competition_form.html",
        {"programme": programme},
        form,
        lambda data: services.competition_create(actor=request.user, programme=programme, **data),
        lambda competition: f"{competition.name} created.",
        competition_url,
        nav=NAV,
    )


@require_http_methods(["GET", "POST"])
def stage_add(request, slug, uid):
    programme, competition = _managed(request, slug, uid)
    form = StageForm(request.POST or None)
    return form_page(
        request,
        "projects/stage_form.html",
        {"programme": programme, "competition": competition},
        form,
        lambda data: services.competition_stage_add(
            actor=request.user, competition=competition, **data
        ),
        lambda stage: f"Stage “{stage.name}” added.",
        competition_url(competition),
        nav=NAV,
    )


@require_http_methods(["GET", "POST"])
def criterion_add(request, slug, uid):
    programme, competition = _managed(request, slug, uid)
    form = CriterionForm(request.POST or None)
    return form_page(
        request,
        "projects/criterion_form.html",
        {
            "programme": programme,
            "competition": competition,
            "rubric_open": not judging_started(competition),
        },
        form,
        lambda data: services.rubric_criterion_add(
            actor=request.user, competition=competition, **data
        ),
        lambda criterion: f"Criterion “{criterion.name}” added to the rubric.",
        competition_url(competition),
        nav=NAV,
    )


@require_http_methods(["GET", "POST"])
def entry_add(request, slug, uid):
    programme, competition = _managed(request, slug, uid)
    form = EntryForm(request.POST or None, programme=programme)
    return form_page(
        request,
        "projects/entry_form.html",
        {"programme": programme, "competition": competition},
        form,
        lambda data: services.competition_entry_record(
            actor=request.user, competition=competition, **data
        ),
        lambda entry: f"Entry from {entry.organisation} recorded.",
        competition_url(competition),
        nav=NAV,
    )


def _judge_save(actor, competition, data):
    """A new judge, or more entries for one who already judges this competition."""
    judge = competition.judges.filter(user=data["user"]).first()
    if judge is None:
        return services.competition_judge_add(actor=actor, competition=competition, **data)
    if data["organisation"] and data["organisation"].pk != judge.organisation_id:
        raise DomainError(
            f"{judge.user} already judges for {judge.organisation or 'no organisation'}.",
            field="organisation",
        )
    services.judge_entries_assign(actor=actor, judge=judge, entries=data["entries"])
    return judge


@require_http_methods(["GET", "POST"])
def judge_add(request, slug, uid):
    programme, competition = _managed(request, slug, uid)
    form = JudgeForm(request.POST or None, competition=competition)
    return form_page(
        request,
        "projects/judge_form.html",
        {"programme": programme, "competition": competition},
        form,
        lambda data: _judge_save(request.user, competition, data),
        lambda judge: f"{judge.user} judges the entries chosen.",
        competition_url(competition),
        nav=NAV,
    )


@require_http_methods(["GET", "POST"])
def score(request, slug, uid, assignment_uid):
    programme, competition = _competition(request, slug, uid)
    assignment = get_object_or_404(
        JudgeAssignment.objects.select_related("entry__organisation", "judge"),
        uid=assignment_uid,
        judge__competition=competition,
    )
    # Only the judge it is assigned to: anyone else is told it does not exist.
    if not can_score(request.user, assignment):
        raise Http404("No such assignment")
    criteria = list(competition.criteria.all())
    form = ScoreForm(
        request.POST or None,
        criteria=criteria,
        initial_scores={s.criterion_id: s.score for s in assignment.scores.all()},
    )
    return form_page(
        request,
        "projects/score_form.html",
        {"programme": programme, "competition": competition, "assignment": assignment},
        form,
        lambda data: services.judge_scores_submit(
            actor=request.user,
            assignment=assignment,
            scores=form.scores(),
            submitted_on=date.today(),
        ),
        f"Scores for {assignment.entry.title} submitted.",
        competition_url(competition),
        nav=NAV,
    )


@require_http_methods(["GET", "POST"])
def award_add(request, slug, uid, entry_uid):
    programme, competition = _managed(request, slug, uid)
    entry = get_object_or_404(competition.entries.select_related("organisation"), uid=entry_uid)
    form = AwardForm(request.POST or None)
    return form_page(
        request,
        "projects/award_form.html",
        {"programme": programme, "competition": competition, "entry": entry},
        form,
        lambda data: services.competition_award_make(actor=request.user, entry=entry, **data),
        lambda award: f"Prize of {_amount(award.funding_award)} awarded to {entry.organisation}.",
        competition_url(competition),
        nav=NAV,
    )
