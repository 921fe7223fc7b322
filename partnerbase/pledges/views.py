"""The pledge ledgers, a pledge and its deliveries, and the forms that change them."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from partnerbase.core.changes import record_history_page
from partnerbase.core.forms import opened
from partnerbase.core.history import history_entries
from partnerbase.core.lists import Column, Sort, list_page
from partnerbase.core.pages import form_page
from partnerbase.directory.models import Organisation
from partnerbase.programmes.access import programme_for

from . import permissions as can
from . import queries, services, states
from .filters import PledgeFilter
from .forms import ConfirmForm, DeliveryForm, LapseForm, PledgeForm

NAV = "pledges"


def pledge_for(request, slug, uid, allowed=can.can_manage_pledge):
    programme = programme_for(request, slug, can.can_use_pledges)
    pledge = queries.pledge_get(user=request.user, programme=programme, uid=uid)
    if not allowed(request.user, pledge):
        raise PermissionDenied
    return programme, pledge


def _context(programme, **extra):
    return {"programme": programme, "nav_current": NAV, **extra}


PLEDGE_SORTS = [
    Sort("pledged", "Pledged", ("-pledged_on", "title")),
    Sort("title", "Pledge", ("title",)),
    Sort("organisation", "Organisation", ("organisation__name", "title")),
    Sort("due", "Due", ("due_on", "title")),
    Sort("status", "Status", ("status", "title")),
]
PLEDGE_COLUMNS = [
    Column("Pledge", lambda p: p.title),
    Column("Organisation", lambda p: p.organisation.name),
    Column("Kind", lambda p: p.get_kind_display()),
    Column("Quantity", lambda p: p.quantity),
    Column("Unit", lambda p: p.unit),
    Column("Delivered", lambda p: p.delivered_quantity),
    Column("Estimated value", lambda p: p.estimated_value),
    Column("Currency", lambda p: p.estimated_value_currency),
    Column("Challenge area", lambda p: p.challenge_area.name if p.challenge_area else ""),
    Column("Pledged", lambda p: p.pledged_on),
    Column("Due", lambda p: p.due_on),
    Column("Status", lambda p: p.get_status_display()),
    Column("Id", lambda p: p.uid),
]


@require_GET
def ledger(request, slug):
    programme = programme_for(request, slug, can.can_use_pledges)
    if not can.can_view_pledge_ledger(request.user, programme):
        # A partner contact's pledges are its organisation's: go straight to them.
        own = Organisation.objects.filter(pk__in=can.own_organisations(request.user, programme))
        return redirect("pledges:organisation", programme.slug, own.order_by("name")[0].uid)
    listing = list_page(
        request,
        queries.pledge_list(user=request.user, programme=programme),
        filterset_class=PledgeFilter,
        sorts=PLEDGE_SORTS,
        columns=PLEDGE_COLUMNS,
        filename=f"{programme.slug}-pledges.csv",
    )
    if not isinstance(listing, dict):
        return listing
    currency = programme.reference_currency
    return render(
        request,
        "pledges/ledger.html",
        _context(
            programme,
            **listing,
            # The sums over every filtered pledge; the lines of this page's only.
            ledger=queries.ledger_for(listing["filters"].qs, currency=currency),
            lines=queries.ledger_for(listing["rows"], currency=currency).lines,
            organisation=None,
            can_add=can.can_add_pledge(request.user, programme),
        ),
    )


@require_GET
def organisation_ledger(request, slug, org_uid):
    programme = programme_for(request, slug, can.can_use_pledges)
    organisation = queries.organisation_get(programme=programme, uid=org_uid)
    if not can.can_view_organisation_pledges(request.user, programme, organisation):
        raise PermissionDenied
    pledges = queries.pledge_list(user=request.user, programme=programme, organisation=organisation)
    manages = can.can_manage_all_pledges(
        request.user, programme
    ) or organisation.pk in can.own_organisations(request.user, programme)
    return render(
        request,
        "pledges/ledger.html",
        _context(
            programme,
            ledger=queries.ledger_for(pledges, currency=programme.reference_currency),
            organisation=organisation,
            can_add=manages,
            whole=can.can_view_pledge_ledger(request.user, programme),
        ),
    )


@require_GET
def pledge_history(request, slug, uid):
    """Every change to the pledge and its deliveries (as the pledge's page)."""
    programme, pledge = pledge_for(request, slug, uid, can.can_view_pledge)
    return record_history_page(
        request,
        programme=programme,
        parts=queries.pledge_history_parts(pledge),
        record=pledge.title,
        back=(reverse("pledges:detail", args=[slug, uid]), f"Back to {pledge.title}"),
        filename=f"{programme.slug}-pledge-{uid}-history.csv",
        nav_current=NAV,
        caption="Changes to this pledge and its deliveries",
    )


@require_GET
def pledge_detail(request, slug, uid):
    programme, pledge = pledge_for(request, slug, uid, can.can_view_pledge)
    deliveries = list(pledge.deliveries.all())
    delivered_quantity, delivered_value = services.delivered_totals(pledge)
    history = history_entries(pledge)
    for delivery in deliveries:
        history.extend(history_entries(delivery, limit=5))
    history.sort(key=lambda e: e["when"], reverse=True)
    from_pledge = list(pledge.offers.all())
    manage = can.can_manage_pledge(request.user, pledge)
    return render(
        request,
        "pledges/pledge_detail.html",
        _context(
            programme,
            pledge=pledge,
            deliveries=deliveries,
            delivered_quantity=delivered_quantity,
            delivered_value=delivered_value,
            left=pledge.quantity - delivered_quantity,
            overdue=states.is_overdue(pledge.status, pledge.due_on, timezone.localdate()),
            offers=from_pledge,
            history=history,
            can_manage=manage,
            is_open=states.is_open(pledge.status),
            can_confirm=manage and states.CONFIRMED in states.MOVES[pledge.status],
            can_lapse=manage and states.LAPSED in states.MOVES[pledge.status],
            can_deliver=manage and pledge.status == states.CONFIRMED,
        ),
    )


def _organisations(user, programme):
    organisations = Organisation.objects.filter(programme=programme).order_by("name")
    if can.can_manage_all_pledges(user, programme):
        return organisations.filter(convenes_programme=False)
    return organisations.filter(pk__in=can.own_organisations(user, programme))


def _to_pledge(programme):
    return lambda pledge: reverse("pledges:detail", args=[programme.slug, pledge.uid])


@require_http_methods(["GET", "POST"])
def pledge_add(request, slug):
    programme = programme_for(request, slug, can.can_add_pledge)
    organisations = _organisations(request.user, programme)
    initial = {"currency": programme.reference_currency}
    if organisations.count() == 1:
        initial["organisation"] = organisations[0]
    form = PledgeForm(
        request.POST or None, programme=programme, organisations=organisations, initial=initial
    )
    return form_page(
        request,
        "pledges/pledge_form.html",
        {"programme": programme, "pledge": None},
        form,
        lambda data: services.pledge_record(actor=request.user, programme=programme, **data),
        "Pledge recorded.",
        _to_pledge(programme),
        nav=NAV,
    )


EDITABLE = [
    "champion",
    "kind",
    "title",
    "description",
    "quantity",
    "unit",
    "challenge_area",
    "project",
    "decision",
    "pledged_on",
    "due_on",
]


@require_http_methods(["GET", "POST"])
def pledge_edit(request, slug, uid):
    programme, pledge = pledge_for(request, slug, uid)
    if not states.is_open(pledge.status):
        raise PermissionDenied  # delivered and lapsed pledges are final
    initial = {name: getattr(pledge, name) for name in EDITABLE}
    initial |= {
        "organisation": pledge.organisation,
        "estimated_value": pledge.estimated_value,
        "currency": pledge.estimated_value_currency,
    }
    form = opened(
        PledgeForm(
            request.POST or None,
            programme=programme,
            organisations=Organisation.objects.filter(pk=pledge.organisation_id),
            initial=initial,
        ),
        pledge,
    )
    form.fields["organisation"].disabled = True

    def save(data):
        data.pop("organisation")
        return services.pledge_update(actor=request.user, pledge=pledge, **data)

    return form_page(
        request,
        "pledges/pledge_form.html",
        {"programme": programme, "pledge": pledge},
        form,
        save,
        "Pledge changed.",
        _to_pledge(programme),
        nav=NAV,
    )


@require_http_methods(["GET", "POST"])
def delivery_add(request, slug, uid):
    programme, pledge = pledge_for(request, slug, uid)
    delivered_quantity, _ = services.delivered_totals(pledge)

    def save(data):
        services.pledge_delivery_record(actor=request.user, pledge=pledge, **data)
        return pledge

    return form_page(
        request,
        "pledges/delivery_form.html",
        {"programme": programme, "pledge": pledge, "left": pledge.quantity - delivered_quantity},
        DeliveryForm(request.POST or None),
        save,
        "Delivery recorded.",
        _to_pledge(programme),
        nav=NAV,
    )


@require_http_methods(["GET", "POST"])
def pledge_confirm(request, slug, uid):
    programme, pledge = pledge_for(request, slug, uid)
    return form_page(
        request,
        "pledges/move_form.html",
        {"programme": programme, "pledge": pledge, "move": "confirm"},
        ConfirmForm(request.POST or None),
        lambda data: services.pledge_confirm(actor=request.user, pledge=pledge, **data),
        "Pledge confirmed.",
        _to_pledge(programme),
        nav=NAV,
    )


@require_http_methods(["GET", "POST"])
def pledge_lapse(request, slug, uid):
    programme, pledge = pledge_for(request, slug, uid)
    return form_page(
        request,
        "pledges/move_form.html",
        {"programme": programme, "pledge": pledge, "move": "lapse"},
        LapseForm(request.POST or None),
        lambda data: services.pledge_lapse(actor=request.user, pledge=pledge, **data),
        "Pledge marked as lapsed.",
        _to_pledge(programme),
        nav=NAV,
    )
