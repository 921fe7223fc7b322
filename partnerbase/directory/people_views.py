"""The team adds, changes and removes an organisation's people and their contact details.

Contact details are personal data: the pages that show them are the directory's, open to
the roles that may see the directory; only the team changes them."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from partnerbase.core.errors import DomainError
from partnerbase.core.forms import ConfirmForm, add_service_error, opened, posted
from partnerbase.core.pages import saved

from . import services
from .edit_views import NAV, managed_organisation
from .forms import PersonForm
from .models import Person


def _person(organisation, person_uid) -> Person:
    person = Person.objects.filter(organisation=organisation, uid=person_uid).first()
    if person is None:
        raise Http404("No such person")
    return person


def _done(programme, organisation):
    return redirect("directory:organisation_detail", programme.slug, organisation.uid)


@require_http_methods(["GET", "POST"])
def person_add(request, slug, uid):
    programme, organisation = managed_organisation(request, slug, uid)
    form = PersonForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            person = services.person_create(
                actor=request.user,
                programme=programme,
                organisation=organisation,
                **form.cleaned_data,
            )
        except (DomainError, ValidationError) as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, f"{person.name} added.")
            return _done(programme, organisation)
    return render(
        request,
        "directory/person_form.html",
        {"programme": programme, "organisation": organisation, "form": form, "nav_current": NAV},
    )


@require_http_methods(["GET", "POST"])
def person_change(request, slug, uid, person_uid):
    programme, organisation = managed_organisation(request, slug, uid)
    person = _person(organisation, person_uid)
    initial = {name: getattr(person, name) for name in services.PERSON_FIELDS}
    form = opened(PersonForm(posted(request), initial=initial), person)
    if request.method == "POST" and form.is_valid():
        if saved(
            form,
            lambda: services.person_update(actor=request.user, person=person, **form.cleaned_data),
        ):
            messages.success(request, f"{person.name}'s details saved.")
            return _done(programme, organisation)
    return render(
        request,
        "directory/person_form.html",
        {
            "programme": programme,
            "organisation": organisation,
            "person": person,
            "form": form,
            "nav_current": NAV,
        },
    )


@require_http_methods(["GET", "POST"])
def person_remove(request, slug, uid, person_uid):
    programme, organisation = managed_organisation(request, slug, uid)
    person = _person(organisation, person_uid)
    form = ConfirmForm(posted(request))
    if request.method == "POST" and form.is_valid():
        name = person.name
        try:
            services.person_remove(actor=request.user, person=person)
        except DomainError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, f"{name} removed.")
            return _done(programme, organisation)
    return render(
        request,
        "directory/person_remove.html",
        {
            "programme": programme,
            "organisation": organisation,
            "person": person,
            "form": form,
            "engagements": person.engagements.count(),
            "refusal": services.person_remove_refusal(person),
            "nav_current": NAV,
        },
    )
