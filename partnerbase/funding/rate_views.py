"""The exchange-rates page: everyone who reads the ledger sees the rates; the convening
team adds one by hand, corrects one, or uploads a CSV with `partnerbase rates import`'s
checks, all or nothing."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from partnerbase.core.errors import DomainError
from partnerbase.core.forms import add_service_error, opened
from partnerbase.core.history import history_entries
from partnerbase.programmes.access import programme_for

from . import permissions as can
from .models import ExchangeRate
from .queries import rate_list
from .rate_forms import RateAddForm, RatesUploadForm, RateValueForm
from .rates_import import RatesImportFailed, rates_import
from .services import exchange_rate_add, exchange_rate_update


def rows_cannot_be_used(n: int) -> str:
    return (
        f"{n} row of the file cannot be used" if n == 1 else f"{n} rows of the file cannot be used"
    )


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
        try:
            exchange_rate_update(actor=request.user, entry=entry, **form.cleaned_data)
        except (DomainError, ValidationError) as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, "Rate changed. The old rate is kept in its history.")
            return redirect("funding:rates", programme.slug)
    return _page(
        request, "rate_form.html", programme, form=form, entry=entry, history=history_entries(entry)
    )


@require_http_methods(["GET", "POST"])
def rates_upload(request, slug):
    programme = programme_for(request, slug, can.can_manage_rates)
    form = RatesUploadForm(request.POST or None, request.FILES or None)
    problems = []
    if request.method == "POST" and form.is_valid():
        try:
            result = rates_import(
                actor=request.user,
                programme=programme,
                text=form.cleaned_data["file"],
                update=form.cleaned_data["update"],
                how_to_replace="tick “Replace rates” below to replace it",
            )
        except RatesImportFailed as exc:
            problems = exc.problems
            form.add_error(
                "file",
                f"Nothing was saved: {rows_cannot_be_used(len(problems))}",
            )
        else:
            messages.success(
                request,
                f"Rates uploaded: {result.added} added, {result.updated} replaced, "
                f"{result.unchanged} already there.",
            )
            return redirect("funding:rates", programme.slug)
    return _page(request, "rates_upload.html", programme, form=form, problems=problems)
