"""Needs (innovators) and offers (partners): lists, add and change."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from partnerbase.core.errors import DomainError
from partnerbase.core.forms import add_service_error, opened
from partnerbase.programmes.access import programme_for, visible

from .. import queries
from ..permissions import can_add_need, can_add_offer
from ..wants import NEED, OFFER, Want
from .common import context


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
