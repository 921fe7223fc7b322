"""Outcome pages: the cohort's before and after, an innovator's own, and their forms."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from partnerbase.core.history import history_entries
from partnerbase.core.pages import form_page
from partnerbase.programmes.access import programme_for
from partnerbase.programmes.queries import programme_get
from partnerbase.projects.models import ObservationQuality

from . import services
from .forms import IndicatorForm, ObservationForm, VerifyForm
from .models import OutcomeIndicator, OutcomeObservation
from .permissions import (
    can_record_outcomes,
    can_verify_outcomes,
    can_view_cohort_outcomes,
    can_view_outcomes,
)
from .queries import (
    cohort_outcomes,
    innovator_outcomes,
    organisation_get,
    programme_cohorts,
)


def innovator_url(organisation) -> str:
    return reverse("outcomes:innovator", args=[organisation.programme.slug, organisation.uid])


@require_GET
def cohort(request, slug):
    programme = programme_for(request, slug, can_view_cohort_outcomes)
    cohorts = list(programme_cohorts(programme))
    chosen = next((c for c in cohorts if str(c.uid) == request.GET.get("cohort")), None)
    if request.GET.get("cohort") and chosen is None:
        raise Http404("No such cohort in this programme.")
    chosen = chosen or (cohorts[0] if cohorts else None)
    return render(
        request,
        "outcomes/cohort.html",
        {
            "programme": programme,
            "cohorts": cohorts,
            "cohort": chosen,
            "sections": cohort_outcomes(chosen) if chosen else [],
            "nav_current": "outcomes",
        },
    )


def _organisation(request, slug, uid, check):
    programme = programme_get(user=request.user, slug=slug)
    organisation = organisation_get(programme=programme, uid=uid)
    if not check(request.user, programme, organisation):
        raise Http404("No such innovator")  # another's outcomes: not even their existence
    return programme, organisation


@require_GET
def innovator(request, slug, uid):
    programme, organisation = _organisation(request, slug, uid, can_view_outcomes)
    membership, rows = innovator_outcomes(organisation)
    return render(
        request,
        "outcomes/innovator.html",
        {
            "programme": programme,
            "organisation": organisation,
            "membership": membership,
            "rows": rows,
            "can_record": can_record_outcomes(request.user, programme, organisation),
            "can_verify": can_verify_outcomes(request.user, programme),
            "can_view_cohort": can_view_cohort_outcomes(request.user, programme),
            "nav_current": "outcomes",
        },
    )


@require_http_methods(["GET", "POST"])
def indicator_add(request, slug, uid):
    programme, organisation = _organisation(request, slug, uid, can_record_outcomes)
    return form_page(
        request,
        "outcomes/indicator_form.html",
        {"programme": programme, "organisation": organisation, "nav_current": "outcomes"},
        IndicatorForm(request.POST or None),
        lambda data: services.outcome_indicator_add(
            actor=request.user, programme=programme, organisation=organisation, **data
        ),
        "Indicator added.",
        innovator_url(organisation),
    )


def _indicator(request, slug, uid):
    programme = programme_get(user=request.user, slug=slug)
    indicator = (
        OutcomeIndicator.objects.filter(programme=programme, uid=uid)
        .select_related("organisation")
        .first()
    )
    if indicator is None or not can_view_outcomes(request.user, programme, indicator.organisation):
        raise Http404("No such indicator in this programme.")  # nor one they may not see
    if not can_record_outcomes(request.user, programme, indicator.organisation):
        raise PermissionDenied
    return programme, indicator


@require_http_methods(["GET", "POST"])
def observation_add(request, slug, uid):
    programme, indicator = _indicator(request, slug, uid)
    may_verify = can_verify_outcomes(request.user, programme)

    def save(data):
        data.setdefault("quality", ObservationQuality.ESTIMATE)
        return services.outcome_observation_record(actor=request.user, indicator=indicator, **data)

    return form_page(
        request,
        "outcomes/observation_form.html",
        {
            "programme": programme,
            "indicator": indicator,
            "organisation": indicator.organisation,
            "nav_current": "outcomes",
        },
        ObservationForm(request.POST or None, may_verify=may_verify),
        save,
        "Observation recorded.",
        innovator_url(indicator.organisation),
    )


@require_http_methods(["GET", "POST"])
def observation_verify(request, slug, uid):
    programme = programme_for(request, slug, can_verify_outcomes)
    observation = (
        OutcomeObservation.objects.filter(indicator__programme=programme, uid=uid)
        .select_related("indicator__organisation")
        .first()
    )
    if observation is None:
        raise Http404("No such observation in this programme.")
    if observation.quality == ObservationQuality.VERIFIED:
        return redirect(innovator_url(observation.indicator.organisation))
    return form_page(
        request,
        "outcomes/verify_form.html",
        {
            "programme": programme,
            "observation": observation,
            "organisation": observation.indicator.organisation,
            "history": history_entries(observation),
            "nav_current": "outcomes",
        },
        VerifyForm(request.POST or None),
        lambda data: services.outcome_observation_verify(
            actor=request.user, observation=observation, **data
        ),
        "Observation verified.",
        innovator_url(observation.indicator.organisation),
    )
