"""Setting a programme up in the browser: the administrator creates it; the convening team
changes its settings, marks its convening organisations and publishes its public page."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from partnerbase.accounts.permissions import can_manage_programme
from partnerbase.core.errors import DomainError
from partnerbase.core.forms import add_service_error, opened
from partnerbase.core.versions import check_current
from partnerbase.directory.models import Organisation
from partnerbase.directory.services import convener_set, organisation_create
from partnerbase.programmes.access import programme_for
from partnerbase.programmes.services import (
    SETTINGS_FIELDS,
    programme_create,
    programme_publish,
    programme_update,
)

from .forms import ConvenerAddForm, NewProgrammeForm, ProgrammePublicSettingsForm
from .public import public_context


def _managed(request, slug):
    programme = programme_for(request, slug, can_manage_programme)
    return programme


@require_http_methods(["GET", "POST"])
def programme_new(request):
    """The installation's administrator creates a programme and its owning organisation."""
    if not request.user.is_superuser:
        raise PermissionDenied
    form = NewProgrammeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                programme = programme_create(
                    actor=request.user,
                    **{k: data[k] for k in SETTINGS_FIELDS if k in data},
                    slug=data["slug"],
                )
                organisation_create(
                    actor=request.user,
                    programme=programme,
                    name=data["owner_name"],
                    kind=data["owner_kind"],
                    convenes_programme=True,
                )
        except (DomainError, ValidationError) as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, f"{programme.name} created. Next, work through its set-up.")
            return redirect("reports:dashboard", programme.slug)
    return render(request, "setup/programme_new.html", {"form": form, "nav_current": "programmes"})


@require_http_methods(["GET", "POST"])
def settings(request, slug):
    programme = _managed(request, slug)
    initial = {field: getattr(programme, field) for field in SETTINGS_FIELDS}
    initial["display_currencies"] = ", ".join(programme.display_currency_list)
    form = opened(ProgrammePublicSettingsForm(request.POST or None, initial=initial), programme)
    if request.method == "POST" and form.is_valid():
        changes = {k: v for k, v in form.cleaned_data.items() if v != getattr(programme, k)}
        try:
            with transaction.atomic():
                check_current(programme)  # refused even when it changes nothing: look first
                if changes:
                    programme_update(actor=request.user, programme=programme, **changes)
        except (DomainError, ValidationError) as exc:
            programme.refresh_from_db()
            add_service_error(form, exc)
        else:
            messages.success(request, "Settings saved." if changes else "Nothing changed.")
            return redirect("reports:dashboard", programme.slug)
    return render(
        request,
        "setup/settings.html",
        {"programme": programme, "form": form, "nav_current": "dashboard"},
    )


@require_http_methods(["GET", "POST"])
def conveners(request, slug):
    programme = _managed(request, slug)
    organisations = Organisation.objects.filter(programme=programme).order_by("name")
    form = ConvenerAddForm(
        request.POST or None, organisations=organisations.filter(convenes_programme=False)
    )
    if request.method == "POST" and form.is_valid():
        organisation = form.cleaned_data["organisation"]
        convener_set(actor=request.user, organisation=organisation, convenes=True)
        messages.success(request, f"{organisation.name} now convenes the programme.")
        return redirect("setup:conveners", programme.slug)
    return render(
        request,
        "setup/conveners.html",
        {
            "programme": programme,
            "form": form,
            "conveners": organisations.filter(convenes_programme=True),
            "nav_current": "dashboard",
        },
    )


@require_POST
def convener_remove(request, slug, uid):
    programme = _managed(request, slug)
    organisation = get_object_or_404(
        Organisation, programme=programme, uid=uid, convenes_programme=True
    )
    convener_set(actor=request.user, organisation=organisation, convenes=False)
    messages.success(request, f"{organisation.name} no longer convenes the programme.")
    return redirect("setup:conveners", programme.slug)


@require_http_methods(["GET", "POST"])
def public_page(request, slug):
    """The public page as visitors will see it, with the button that publishes it."""
    programme = _managed(request, slug)
    if request.method == "POST":
        published = request.POST.get("publish") == "yes"
        programme_publish(actor=request.user, programme=programme, published=published)
        messages.success(
            request,
            "The public page is published." if published else "The public page is unpublished.",
        )
        return redirect("setup:public_page", programme.slug)
    return render(
        request,
        "setup/public_page.html",
        {"programme": programme, **public_context(programme), "nav_current": "dashboard"},
    )
