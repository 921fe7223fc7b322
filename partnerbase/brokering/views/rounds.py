"""A brokering round: create, run (with progress), review, add by hand, send; and each
innovator's limits in it."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from partnerbase.core.errors import DomainError
from partnerbase.core.forms import add_service_error
from partnerbase.core.pages import saved
from partnerbase.programmes.access import programme_for

from .. import queries, runner, services
from ..forms import HandIntroductionForm, InnovatorLimitsForm, RoundForm
from ..models import IntroductionStatus, RoundStatus
from ..models.rounds import TO_SEND, WEIGHT_FIELDS
from ..permissions import can_broker
from ..services.limits import LIMITS_OPEN
from .common import context, today


def _round(request, slug, uid):
    programme = programme_for(request, slug, can_broker)
    return programme, queries.round_get(programme=programme, uid=uid)


def _back(programme, round):
    return redirect("brokering:round_detail", programme.slug, round.uid)


@require_http_methods(["GET", "POST"])
def round_add(request, slug):
    programme = programme_for(request, slug, can_broker)
    form = RoundForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            round = services.round_create(
                actor=request.user,
                programme=programme,
                name=data["name"],
                mode=data["mode"],
                weights=form.weights(),
                innovator_capacity=data["innovator_capacity"],
                min_introductions=data["min_introductions"],
            )
        except (DomainError, ValidationError) as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, f"Round created: {round.name}.")
            return _back(programme, round)
    weights = [form[f"weight_{name}"] for name in WEIGHT_FIELDS]
    return render(
        request, "brokering/round_form.html", context(programme, form=form, weights=weights)
    )


@require_GET
def round_detail(request, slug, uid):
    programme, round = _round(request, slug, uid)
    introductions = list(queries.round_introductions(round))
    return render(
        request,
        "brokering/round_detail.html",
        context(
            programme,
            round=round,
            to_send=[i for i in introductions if i.status in TO_SEND],
            removed=[i for i in introductions if i.status == IntroductionStatus.REMOVED],
            sent=[i for i in introductions if i.sent_on],
            parts=list(WEIGHT_FIELDS),
            can_change=round.status in (RoundStatus.DRAFT, RoundStatus.RUN, RoundStatus.REVIEWED),
            innovators=queries.round_innovator_rows(round),
            limits_open=round.status in LIMITS_OPEN,
            job=runner.round_job(round),
        ),
    )


@require_GET
def round_progress(request, slug, uid):
    """The progress panel, polled by htmx while the round runs; when the run ends it tells
    htmx to reload the page, which then shows the proposals."""
    programme, round = _round(request, slug, uid)
    if round.status != RoundStatus.RUNNING and request.headers.get("HX-Request"):
        response = HttpResponse(status=204)
        response["HX-Redirect"] = reverse("brokering:round_detail", args=[programme.slug, uid])
        return response
    return render(
        request,
        "brokering/partials/round_progress.html",
        context(programme, round=round, job=runner.round_job(round)),
    )


@require_POST
def round_run(request, slug, uid):
    programme, round = _round(request, slug, uid)
    try:
        round = runner.start_run(actor=request.user, round=round)
    except DomainError as exc:
        messages.error(request, exc.message)
    return _back(programme, round)


@require_POST
def round_review(request, slug, uid):
    programme, round = _round(request, slug, uid)
    try:
        services.round_review(actor=request.user, round=round)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "Marked as reviewed: the introductions are ready to send.")
    return _back(programme, round)


@require_POST
def round_send(request, slug, uid):
    programme, round = _round(request, slug, uid)
    try:
        round = services.round_send(actor=request.user, round=round, on=today())
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        count = round.introductions.filter(sent_on=round.sent_on).count()
        messages.success(request, f"{count} introduction{'s' if count != 1 else ''} sent.")
    return _back(programme, round)


@require_POST
def introduction_remove(request, slug, uid, introduction_uid):
    programme, round = _round(request, slug, uid)
    introduction = queries.introduction_get(programme=programme, uid=introduction_uid)
    try:
        if introduction.round_id != round.pk:
            raise DomainError("That introduction belongs to another round.")
        services.introduction_remove(actor=request.user, introduction=introduction)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"Removed: {introduction}.")
    return _back(programme, round)


@require_http_methods(["GET", "POST"])
def introduction_add(request, slug, uid):
    programme, round = _round(request, slug, uid)
    innovators, partners = queries.hand_choices(programme)
    form = HandIntroductionForm(request.POST or None, innovators=innovators, partners=partners)
    if request.method == "POST" and form.is_valid():
        try:
            introduction = services.introduction_add_by_hand(
                actor=request.user, round=round, **form.cleaned_data
            )
        except (DomainError, ValidationError) as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, f"Added: {introduction}.")
            return _back(programme, round)
    return render(
        request, "brokering/introduction_add.html", context(programme, round=round, form=form)
    )


@require_http_methods(["GET", "POST"])
def round_innovators(request, slug, uid):
    """Each innovator's most and fewest introductions in the round, in one table form."""
    programme, round = _round(request, slug, uid)
    if round.status not in LIMITS_OPEN:
        messages.error(
            request,
            f"The round is {round.get_status_display().lower()}: its innovators’ limits "
            "cannot change.",
        )
        return _back(programme, round)
    rows = queries.round_innovator_rows(round)
    form = InnovatorLimitsForm(request.POST or None, rows=rows)
    if request.method == "POST" and form.is_valid():
        if saved(
            form,
            lambda: services.round_innovator_limits_update(
                actor=request.user, round=round, limits=form.limits()
            ),
        ):
            messages.success(request, "Each innovator’s limits are saved for the next run.")
            return _back(programme, round)
    return render(
        request, "brokering/round_innovators.html", context(programme, round=round, form=form)
    )
