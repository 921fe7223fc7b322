"""The team changes, merges and deletes organisations; every write is a POST."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from partnerbase.core.errors import DomainError
from partnerbase.core.forms import ConfirmForm, add_service_error, opened, posted
from partnerbase.core.pages import saved

from . import merge, services
from .forms import (
    MergeChoiceForm,
    MergeConfirmForm,
    OrganisationForm,
    organisation_initial,
)
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
    form = opened(
        OrganisationForm(posted(request), initial=organisation_initial(organisation)),
        organisation,
    )
    if request.method == "POST" and form.is_valid():
        if saved(
            form,
            lambda: services.organisation_update(
                actor=request.user, organisation=organisation, **form.cleaned_data
            ),
        ):
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
    dependents = [d.phrase() for d in services.organisation_dependents(organisation)]
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


@require_GET
def organisation_merge_choose(request, slug, uid):
    """Choose the other record; the choice is a GET to the confirmation page (no write)."""
    programme, organisation = managed_organisation(request, slug, uid)
    data = request.GET if "other" in request.GET else None
    form = MergeChoiceForm(data, organisation=organisation)
    if form.is_bound and form.is_valid():
        other = form.cleaned_data["other"]
        return redirect("directory:organisation_merge", programme.slug, organisation.uid, other.uid)
    return render(
        request,
        "directory/merge_choose.html",
        {"programme": programme, "organisation": organisation, "form": form, "nav_current": NAV},
    )


@require_http_methods(["GET", "POST"])
def organisation_merge(request, slug, uid, other_uid):
    programme, organisation = managed_organisation(request, slug, uid)
    other = organisation_get(programme=programme, uid=other_uid)
    if other.pk == organisation.pk:
        raise Http404("Choose another record")
    form = MergeConfirmForm(posted(request), organisation=organisation, other=other)
    if request.method == "POST" and form.is_valid():
        keep_this = form.cleaned_data["keep"] == str(organisation.uid)
        kept, removed = (organisation, other) if keep_this else (other, organisation)
        removed_name = removed.name
        try:
            merge.organisation_merge(actor=request.user, kept=kept, removed=removed)
        except DomainError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, f"{removed_name} merged into {kept.name}.")
            return redirect("directory:organisation_detail", programme.slug, kept.uid)
    return render(
        request,
        "directory/merge_confirm.html",
        {
            "programme": programme,
            "organisation": organisation,
            "other": other,
            "form": form,
            "records": [
                (record, [d.phrase() for d in services.organisation_dependents(record)])
                for record in (organisation, other)
            ],
            "plan": merge.merge_plan(kept=organisation, removed=other),
            "nav_current": NAV,
        },
    )
