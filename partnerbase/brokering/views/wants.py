"""Needs (innovators) and offers (partners): lists, add and change."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from partnerbase.core.errors import DomainError
from partnerbase.core.forms import add_service_error, opened
from partnerbase.core.lists import Column, Sort, list_view
from partnerbase.programmes.access import programme_for, visible

from .. import queries
from ..filters import NeedFilter, OfferFilter
from ..permissions import can_add_need, can_add_offer
from ..wants import NEED, OFFER, Want
from .common import context

NEED_SORTS = [
    Sort("status", "Status", ("status", "innovator__name", "type")),
    Sort("innovator", "Innovator", ("innovator__name", "type")),
    Sort("type", "Needs", ("type", "innovator__name")),
    Sort("amount", "Amount", ("-amount_minor", "innovator__name")),
    Sort("recorded", "Recorded", ("-recorded_on", "innovator__name")),
]
OFFER_SORTS = [
    Sort("status", "Status", ("status", "partner__name", "type")),
    Sort("partner", "Partner", ("partner__name", "type")),
    Sort("type", "Offers", ("type", "partner__name")),
    Sort("capacity", "Introductions", ("-capacity", "partner__name")),
    Sort("budget", "Budget", ("-budget_minor", "partner__name")),
    Sort("recorded", "Recorded", ("-recorded_on", "partner__name")),
]
_WANT_TAIL = [
    Column("Description", lambda w: w.description),
    Column("Regions", lambda w: w.regions),
    Column("Challenge area", lambda w: w.challenge_area.name if w.challenge_area else ""),
    Column("Status", lambda w: w.get_status_display()),
    Column("Recorded", lambda w: w.recorded_on),
    Column("Closed", lambda w: w.closed_on),
    Column("Id", lambda w: w.uid),
]
NEED_COLUMNS = [
    Column("Innovator", lambda n: n.innovator.name),
    Column("Type", lambda n: n.get_type_display()),
    Column("Amount", lambda n: n.amount),
    Column("Currency", lambda n: n.currency if n.amount is not None else ""),
    Column("Quantity", lambda n: n.quantity),
    *_WANT_TAIL,
]
OFFER_COLUMNS = [
    Column("Partner", lambda o: o.partner.name),
    Column("Type", lambda o: o.get_type_display()),
    Column("Introductions", lambda o: o.capacity),
    Column("Budget", lambda o: o.budget),
    Column("Currency", lambda o: o.budget_currency if o.budget is not None else ""),
    *_WANT_TAIL,
]


@require_GET
def need_index(request, slug):
    programme = programme_for(request, slug, can_add_need)
    return list_view(
        request,
        "brokering/need_list.html",
        context(programme),
        queries.need_list(user=request.user, programme=programme),
        filterset_class=NeedFilter,
        sorts=NEED_SORTS,
        columns=NEED_COLUMNS,
        filename=f"{programme.slug}-needs.csv",
    )


@require_GET
def offer_index(request, slug):
    programme = programme_for(request, slug, can_add_offer)
    return list_view(
        request,
        "brokering/offer_list.html",
        context(programme),
        queries.offer_list(user=request.user, programme=programme),
        filterset_class=OfferFilter,
        sorts=OFFER_SORTS,
        columns=OFFER_COLUMNS,
        filename=f"{programme.slug}-offers.csv",
    )


def _want_form(request, slug, uid, want: Want):
    """Add (no uid) or change a need or an offer: one page for both shapes."""
    programme = programme_for(request, slug, want.may_add)
    record = want.get(programme=programme, uid=uid) if uid else None
    if record is not None:
        visible(want.may_change(request.user, record))
    form = want.form(
        request.POST or None,
        initial=want.initial(record) if record else None,
        **want.form_arguments(user=request.user, programme=programme),
    )
    if record is not None:
        form = opened(form, record)
        form.fields[want.owner].disabled = True
    if request.method == "POST" and form.is_valid():
        try:
            if record is None:
                record = want.create(actor=request.user, programme=programme, **form.cleaned_data)
            else:
                record = want.update(
                    actor=request.user, record=record, **want.changes(form.cleaned_data)
                )
        except (DomainError, ValidationError) as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, f"{want.name.capitalize()} saved: {record}.")
            return redirect(f"brokering:{want.name}_list", programme.slug)
    return render(
        request,
        f"brokering/{want.name}_form.html",
        context(programme, form=form, **{want.name: record}),
    )


@require_http_methods(["GET", "POST"])
def need_form(request, slug, uid=None):
    return _want_form(request, slug, uid, NEED)


@require_http_methods(["GET", "POST"])
def offer_form(request, slug, uid=None):
    return _want_form(request, slug, uid, OFFER)
