"""The team changes and deletes organisations; every write is a POST."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from partnerbase.core.errors import DomainError
from partnerbase.core.forms import add_service_error, posted
from partnerbase.core.references import count_phrases

from . import services
from .forms import ConfirmForm, OrganisationForm, organisation_initial
from .queries import organisation_get
from .views import managed_programme

NAV = "organisations"


def managed_organisation(request, slug, uid):
    """The programme and organisation, for the team only (403), in this programme (404)."""
    programme = managed_programme(request, slug)
    return programme, organisation_get(programme=programme, uid=uid)


@require_http_methods(["GET", "POST"])
def organisation_change(request, slug, uid):
    programme, organisation = managed_organisation(request, slug, uid)
    form = OrganisationForm(posted(request), initial=organisation_initial(organisation))
    if request.method == "POST" and form.is_valid():
        try:
            services.organisation_update(
                actor=request.user, organisation=organisation, **form.cleaned_data
            )
        except (DomainError, ValidationError) as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, f"{organisation.name}'s details saved.")
            return redirect("directory:organisation_detail", programme.slug, organisation.uid)
    return render(
        request,
        "directory/organisation_form.html",
        {"programme": programme, "organisation": organisation, "form": form, "nav_current": NAV},
    )


@require_http_methods(["GET", "POST"])
def organisation_delete(request, slug, uid):
    programme, organisation = managed_organisation(request, slug, uid)
    form = ConfirmForm(posted(request))
    dependents = count_phrases(services.organisation_dependents(organisation))
    if request.method == "POST" and form.is_valid():
        try:
            services.organisation_delete(actor=request.user, organisation=organisation)
        except DomainError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, f"{organisation.name} deleted.")
            return redirect("directory:organisation_list", programme.slug)
    return render(
        request,
        "directory/organisation_delete.html",
        {
            "programme": programme,
            "organisation": organisation,
            "form": form,
            "dependents": dependents,
            "refusal": services.organisation_delete_refusal(organisation),
            "nav_current": NAV,
        },
    )
