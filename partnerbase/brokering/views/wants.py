"""Needs (innovators) and offers (partners): lists, add and change."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from partnerbase.core.errors import DomainError
from partnerbase.core.forms import add_service_error, opened

from .. import queries, services
from ..forms import NeedForm, OfferForm
from ..permissions import (
    can_add_need,
    can_add_offer,
    can_change_need,
    can_change_offer,
)
from .common import context, programme_for, visible


@require_GET
def need_index(request, slug):
    programme = programme_for(request, slug, can_add_need)
    needs = queries.need_list(user=request.user, programme=programme)
    return render(request, "brokering/need_list.html", context(programme, needs=needs))


@require_GET
def offer_index(request, slug):
    programme = programme_for(request, slug, can_add_offer)
    offers = queries.offer_list(user=request.user, programme=programme)
    return render(request, "brokering/offer_list.html", context(programme, offers=offers))


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
