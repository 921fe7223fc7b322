from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_GET

from partnerbase.accounts.permissions import can_view_directory
from partnerbase.core.history import history_entries
from partnerbase.programmes.queries import programme_get

from .models import OrganisationKind
from .queries import organisation_get, organisation_list


def _programme(request, slug):
    programme = programme_get(user=request.user, slug=slug)
    if not can_view_directory(request.user, programme):
        raise PermissionDenied
    return programme


@require_GET
def organisation_index(request, slug):
    programme = _programme(request, slug)
    search, kind = request.GET.get("q", "").strip(), request.GET.get("kind", "")
    if kind not in OrganisationKind.values:
        kind = ""
    page = Paginator(organisation_list(programme=programme, search=search, kind=kind), 50).get_page(
        request.GET.get("page")
    )
    return render(request, "directory/organisation_list.html", {
        "programme": programme, "page": page, "search": search, "kind": kind,
        "kinds": OrganisationKind.choices, "nav_current": "organisations",
    })


@require_GET
def organisation_detail(request, slug, uid):
    programme = _programme(request, slug)
    organisation = organisation_get(programme=programme, uid=uid)
    return render(request, "directory/organisation_detail.html", {
        "programme": programme, "organisation": organisation,
        "engagements": organisation.engagements.order_by("-occurred_on")[:20],
        "history": history_entries(organisation), "nav_current": "organisations",
    })
