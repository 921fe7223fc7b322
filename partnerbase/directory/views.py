from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from partnerbase.accounts.permissions import can_manage_programme, can_view_directory
from partnerbase.core.errors import DomainError
from partnerbase.core.forms import add_service_error
from partnerbase.core.history import history_entries
from partnerbase.programmes.queries import programme_get

from . import services
from .forms import EngagementForm, OrganisationForm
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
    return render(
        request,
        "directory/organisation_list.html",
        {
            "programme": programme,
            "page": page,
            "search": search,
            "kind": kind,
            "kinds": OrganisationKind.choices,
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
            "history": history_entries(organisation),
            "nav_current": "organisations",
            "can_manage": can_manage_programme(request.user, programme),
        },
    )


def _managed_programme(request, slug):
    programme = programme_get(user=request.user, slug=slug)
    if not can_manage_programme(request.user, programme):
        raise PermissionDenied
    return programme


@require_http_methods(["GET", "POST"])
def organisation_add(request, slug):
    programme = _managed_programme(request, slug)
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
    programme = _managed_programme(request, slug)
    organisation = organisation_get(programme=programme, uid=uid)
    form = EngagementForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.engagement_record(
                actor=request.user,
                programme=programme,
                organisation=organisation,
                **form.cleaned_data,
            )
        except (DomainError, ValidationError) as exc:
            add_service_error(form, exc)
        else:
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
