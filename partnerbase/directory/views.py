from functools import partial

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from partnerbase.accounts.permissions import can_manage_programme, can_view_directory
from partnerbase.core.errors import DomainError
from partnerbase.core.forms import add_service_error
from partnerbase.core.history import history_entries
from partnerbase.core.history_lists import (
    HISTORY_COLUMNS,
    HISTORY_SORTS,
    history_page_entries,
)
from partnerbase.core.lists import Column, Sort, list_page
from partnerbase.core.pages import saved
from partnerbase.programmes.access import programme_for

from . import services
from .filters import OrganisationFilter, OrganisationHistoryFilter
from .forms import EngagementForm, OrganisationForm
from .merge import merged_into, merged_records
from .models import Organisation
from .queries import organisation_get, organisation_history_list, organisation_list

_programme = partial(programme_for, allowed=can_view_directory)


ORGANISATION_SORTS = [
    Sort("name", "Name", ("name",)),
    Sort("kind", "Kind", ("kind", "name")),
    Sort("sector", "Sector", ("sector_group", "name")),
    Sort("engagements", "Engagements", ("-engagement_count", "name")),
]
ORGANISATION_COLUMNS = [
    Column("Name", lambda o: o.name),
    Column("Kind", lambda o: o.get_kind_display()),
    Column("Sector", lambda o: o.get_sector_group_display()),
    Column("Regions", lambda o: o.regions),
    Column("Convening organisation", lambda o: "Yes" if o.convenes_programme else "No"),
    Column("Employees", lambda o: o.employee_count),
    Column("Website", lambda o: o.website),
    Column("Engagements", lambda o: o.engagement_count),
    Column("Id", lambda o: o.uid),
]


@require_GET
def organisation_index(request, slug):
    programme = _programme(request, slug)
    listing = list_page(
        request,
        organisation_list(user=request.user, programme=programme),
        filterset_class=OrganisationFilter,
        sorts=ORGANISATION_SORTS,
        columns=ORGANISATION_COLUMNS,
        filename=f"{programme.slug}-organisations.csv",
    )
    if not isinstance(listing, dict):
        return listing
    return render(
        request,
        "directory/organisation_list.html",
        {
            "programme": programme,
            **listing,
            "nav_current": "organisations",
            "can_manage": can_manage_programme(request.user, programme),
        },
    )


@require_GET
def organisation_detail(request, slug, uid):
    programme = _programme(request, slug)
    organisation = organisation_get(programme=programme, uid=uid)
    return render(
        request,
        "directory/organisation_detail.html",
        {
            "programme": programme,
            "organisation": organisation,
            "engagements": organisation.engagements.order_by("-occurred_on")[:20],
            "people": organisation.people.order_by("name"),
            "merged": merged_records(organisation).select_related("history_user"),
            "history": history_entries(organisation),
            "nav_current": "organisations",
            "can_manage": can_manage_programme(request.user, programme),
        },
    )


@require_GET
def organisation_history(request, slug, uid):
    """The history of a record, kept after it was deleted or merged into another: every
    change, filtered, in pages, or as a CSV."""
    programme = _programme(request, slug)
    organisation = Organisation.objects.filter(programme=programme, uid=uid).first()
    rows = organisation_history_list(programme=programme).filter(uid=uid)
    last = rows.first()
    if last is None:
        raise Http404("No such organisation")
    listing = list_page(
        request,
        rows,
        filterset_class=OrganisationHistoryFilter,
        sorts=HISTORY_SORTS,
        columns=HISTORY_COLUMNS,
        filename=f"{programme.slug}-organisation-{uid}-history.csv",
    )
    if not isinstance(listing, dict):
        return listing
    return render(
        request,
        "directory/organisation_history.html",
        {
            "programme": programme,
            "organisation": organisation,
            "last": last,
            "merged_into": merged_into(last),
            **listing,
            "history": history_page_entries(listing["rows"]),
            "nav_current": "organisations",
        },
    )


def managed_programme(request, slug):
    programme = programme_for(request, slug, can_manage_programme)
    return programme


@require_http_methods(["GET", "POST"])
def organisation_add(request, slug):
    programme = managed_programme(request, slug)
    form = OrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            organisation = services.organisation_create(
                actor=request.user, programme=programme, **form.cleaned_data
            )
        except (DomainError, ValidationError) as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, f"{organisation.name} added.")
            return redirect("directory:organisation_detail", programme.slug, organisation.uid)
    return render(
        request,
        "directory/organisation_form.html",
        {
            "programme": programme,
            "form": form,
            "nav_current": "organisations",
        },
    )


@require_http_methods(["GET", "POST"])
def engagement_add(request, slug, uid):
    programme = managed_programme(request, slug)
    organisation = organisation_get(programme=programme, uid=uid)
    form = EngagementForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if saved(
            form,
            lambda: services.engagement_record(
                actor=request.user,
                programme=programme,
                organisation=organisation,
                **form.cleaned_data,
            ),
        ):
            messages.success(request, "Engagement recorded.")
            return redirect("directory:organisation_detail", programme.slug, organisation.uid)
    return render(
        request,
        "directory/engagement_form.html",
        {
            "programme": programme,
            "organisation": organisation,
            "form": form,
            "nav_current": "organisations",
        },
    )
