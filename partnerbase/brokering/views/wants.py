"""Needs (innovators) and offers (partners): lists, add and change."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from partnerbase.core.errors import DomainError
from partnerbase.core.forms import add_service_error, opened
from partnerbase.core.lists import Column, Sort, list_page

from .. import queries, services
from ..filters import NeedFilter, OfferFilter
from ..forms import NeedForm, OfferForm
from ..permissions import (
    can_add_need,
    can_add_offer,
    can_change_need,
    can_change_offer,
)
from .common import context, programme_for, visible

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
    listing = list_page(
        request,
        queries.need_list(user=request.user, programme=programme),
        filterset_class=NeedFilter,
        sorts=NEED_SORTS,
        columns=NEED_COLUMNS,
        filename=f"{programme.slug}-needs.csv",
    )
    if not isinstance(listing, dict):
        return listing
    return render(request, "brokering/need_list.html", context(programme, **listing))


@require_GET
def offer_index(request, slug):
    programme = programme_for(request, slug, can_add_offer)
    listing = list_page(
        request,
        queries.offer_list(user=request.user, programme=programme),
        filterset_class=OfferFilter,
        sorts=OFFER_SORTS,
        columns=OFFER_COLUMNS,
        filename=f"{programme.slug}-offers.csv",
    )
    if not isinstance(listing, dict):
        return listing
    return render(request, "brokering/offer_list.html", context(programme, **listing))


def _initial(record, money_field: str, fields) -> dict:
    initial = {name: getattr(record, name) for name in fields}
    initial[money_field] = getattr(record, "amount" if money_field == "amount" else "budget")
    return initial


@require_http_methods(["GET", "POST"])
def need_form(request, slug, uid=None):
    programme = programme_for(request, slug, can_add_need)
    need = queries.need_get(programme=programme, uid=uid) if uid else None
    if need is not None:
        visible(can_change_need(request.user, need))
    fields = ["innovator", "type", "description", "quantity", "regions", "challenge_area"]
    form = NeedForm(
        request.POST or None,
        programme=programme,
        innovators=queries.need_innovators(user=request.user, programme=programme),
        initial=_initial(need, "amount", fields) if need else None,
    )
    if need is not None:
        form = opened(form, need)
        form.fields["innovator"].disabled = True
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            if need is None:
                need = services.need_create(actor=request.user, programme=programme, **data)
            else:
                data.pop("innovator")
                need = services.need_update(actor=request.user, need=need, **data)
        except (DomainError, ValidationError) as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, f"Need saved: {need}.")
            return redirect("brokering:need_list", programme.slug)
    return render(request, "brokering/need_form.html", context(programme, form=form, need=need))


@require_http_methods(["GET", "POST"])
def offer_form(request, slug, uid=None):
    programme = programme_for(request, slug, can_add_offer)
    offer = queries.offer_get(programme=programme, uid=uid) if uid else None
    if offer is not None:
        visible(can_change_offer(request.user, offer))
    fields = [
        "partner",
        "type",
        "description",
        "capacity",
        "regions",
        "challenge_area",
        "preferred_challenge_area",
        "preferred_regions",
        "pledge_reference",
    ]
    form = OfferForm(
        request.POST or None,
        programme=programme,
        partners=queries.offer_partners(user=request.user, programme=programme),
        initial=_initial(offer, "budget", fields) if offer else None,
    )
    if offer is not None:
        form = opened(form, offer)
        form.fields["partner"].disabled = True
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            if offer is None:
                offer = services.offer_create(actor=request.user, programme=programme, **data)
            else:
                data.pop("partner")
                offer = services.offer_update(actor=request.user, offer=offer, **data)
        except (DomainError, ValidationError) as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, f"Offer saved: {offer}.")
            return redirect("brokering:offer_list", programme.slug)
    return render(request, "brokering/offer_form.html", context(programme, form=form, offer=offer))
