"""The exchange-rates page: everyone who reads the ledger sees the rates; the convening
team adds one by hand, corrects one, or uploads a CSV, checked and saved on the task queue
with `partnerbase rates import`'s checks, all or nothing."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from partnerbase.core.errors import DomainError
from partnerbase.core.forms import add_service_error, opened
from partnerbase.core.history import history_entries
from partnerbase.core.pages import saved
from partnerbase.jobs.models import JobKind
from partnerbase.jobs.queries import job_latest
from partnerbase.jobs.services import job_start
from partnerbase.programmes.access import programme_for

from . import permissions as can
from .models import ExchangeRate
from .queries import rate_list
from .rate_forms import RateAddForm, RatesUploadForm, RateValueForm
from .services import exchange_rate_add, exchange_rate_update
from .tasks import import_rates


def _page(request, template, programme, **context):
    return render(
        request,
        f"funding/{template}",
        {"programme": programme, "nav_current": "funding", **context},
    )


@require_GET
def rates(request, slug):
    programme = programme_for(request, slug, can.can_view_rates)
    return _page(
        request,
        "rates.html",
        programme,
        rates=rate_list(programme=programme),
        can_manage=can.can_manage_rates(request.user, programme),
    )


@require_http_methods(["GET", "POST"])
def rate_add(request, slug):
    programme = programme_for(request, slug, can.can_manage_rates)
    form = RateAddForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        taken = ExchangeRate.objects.filter(
            programme=programme, base=data["base"], quote=data["quote"], rate_date=data["rate_date"]
        ).first()
        if taken:
            form.add_error(
                "rate_date",
                f"The programme already has a {taken.base} to {taken.quote} rate on this date: "
                "change that one instead",
            )
        else:
            try:
                with transaction.atomic():
                    exchange_rate_add(actor=request.user, programme=programme, **data)
            except (DomainError, ValidationError, IntegrityError) as exc:
                add_service_error(form, exc)
            else:
                messages.success(
                    request, f"Rate added: 1 {data['base']} = {data['rate']} {data['quote']}."
                )
                return redirect("funding:rates", programme.slug)
    return _page(request, "rate_form.html", programme, form=form)


@require_http_methods(["GET", "POST"])
def rate_edit(request, slug, uid):
    programme = programme_for(request, slug, can.can_manage_rates)
    entry = get_object_or_404(ExchangeRate, programme=programme, uid=uid)
    form = opened(
        RateValueForm(request.POST or None, initial={"rate": entry.rate, "source": entry.source}),
        entry,
    )
    if request.method == "POST" and form.is_valid():
        if saved(
            form, lambda: exchange_rate_update(actor=request.user, entry=entry, **form.cleaned_data)
        ):
            messages.success(request, "Rate changed. The old rate is kept in its history.")
            return redirect("funding:rates", programme.slug)
    return _page(
        request, "rate_form.html", programme, form=form, entry=entry, history=history_entries(entry)
    )


@require_http_methods(["GET", "POST"])
def rates_upload(request, slug):
    programme = programme_for(request, slug, can.can_manage_rates)
    form = RatesUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        name = request.FILES["file"].name
        job = job_start(
            actor=request.user,
            programme=programme,
            kind=JobKind.RATES_IMPORT,
            title=f"Exchange rates from {name}"[:200],
            task=import_rates,
            arguments={"update": form.cleaned_data["update"]},
            upload=ContentFile(form.cleaned_data["file"].encode("utf-8"), name=name),
            upload_name=name,
        )
        return redirect("jobs:detail", programme.slug, job.uid)
    last = job_latest(programme=programme, kind=JobKind.RATES_IMPORT)
    return _page(request, "rates_upload.html", programme, form=form, last=last)
