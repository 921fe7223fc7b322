"""Subject access, erasure and retention for a programme's convening team (the installation's
administrator may use them for any programme). What the team may not see answers 404."""

import json
from functools import partial

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from partnerbase.accounts.models import Membership, Role
from partnerbase.accounts.permissions import can_manage_people
from partnerbase.core.errors import DomainError
from partnerbase.core.forms import add_service_error
from partnerbase.directory.models import Person
from partnerbase.programmes.access import programme_for

from .forms import EraseForm, FindForm
from .models import ActionKind
from .queries import personal_data_action_list
from .retention import retention_due, retention_run
from .services import action_record, erasure_refusals, person_erase
from .subject import Subject, personal_data, subject_find

NAV = "people"


_programme = partial(programme_for, allowed=can_manage_people, hidden=True)


def _scope(user) -> set[int] | None:
    """The programmes whose team the user is on (None: the administrator's, every one)."""
    if user.is_superuser:
        return None
    return set(
        Membership.objects.filter(user=user, role=Role.TEAM).values_list("programme_id", flat=True)
    )


def _index(request, programme, form, *, status=200):
    return render(
        request,
        "privacy/index.html",
        {
            "programme": programme,
            "form": form,
            "actions": personal_data_action_list(programme=programme)[:50],
            "due_count": len(retention_due(programmes=[programme])),
            "nav_current": NAV,
        },
        status=status,
    )


def _found(request, programme, form_class=FindForm):
    """(form, subject, status): the subject is None, and the form carries the error, unless
    the person is in this programme; 404 for someone not held here, as for anything the
    team may not see."""
    form = form_class(request.POST)
    if not form.is_valid():
        return form, None, 400
    person = None
    if form.cleaned_data["person"]:
        person = Person.objects.filter(programme=programme, uid=form.cleaned_data["person"]).first()
    if person is not None and not person.email:
        subject = Subject(email="", people=[person])
    else:
        subject = subject_find(email=person.email if person else form.cleaned_data["email"])
    if programme.pk not in subject.programme_ids:
        form.add_error("email", f"No one with this email address is held in {programme.name}")
        return form, None, 404
    return form, subject, 200


def _who(subject) -> dict:
    """How the pages name the person and carry them to the next step."""
    if subject.email:
        return {"label": subject.email, "email": subject.email, "person": ""}
    person = subject.people[0]
    return {"label": person.name, "email": "", "person": person.uid}


@require_GET
def index(request, slug):
    return _index(request, _programme(request, slug), FindForm())


def _gathered(request, programme, subject, kind) -> dict:
    """Everything held about the person that the caller may see, the looking recorded."""
    scope = _scope(request.user)
    data = personal_data(subject=subject, scope=scope)
    action_record(
        scope=scope,
        actor=request.user,
        kind=kind,
        subject=subject,
        programme=programme,
        counts={"records": len(data["records"]), "history": len(data["history"])},
    )
    return data


@require_POST
def person(request, slug):
    """Everything held about the person in the programmes the team runs, as a page."""
    programme = _programme(request, slug)
    form, subject, status = _found(request, programme)
    if subject is None:
        return _index(request, programme, form, status=status)
    data = _gathered(request, programme, subject, ActionKind.VIEW)
    return render(
        request,
        "privacy/person.html",
        {
            "programme": programme,
            "data": data,
            "who": _who(subject),
            "nav_current": NAV,
        },
    )


@require_POST
def export(request, slug):
    """The same as a JSON download, for the person (a subject access request)."""
    programme = _programme(request, slug)
    form, subject, status = _found(request, programme)
    if subject is None:
        return _index(request, programme, form, status=status)
    data = _gathered(request, programme, subject, ActionKind.EXPORT)
    response = HttpResponse(
        json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json"
    )
    name = f"personal-data-{programme.slug}-{data['exported_at'][:10]}.json"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_POST
def erase(request, slug):
    """First the check and the confirmation; then, confirmed, the erasure."""
    programme = _programme(request, slug)
    form, subject, status = _found(request, programme, EraseForm)
    if subject is None:
        return _index(request, programme, form, status=status)
    scope = _scope(request.user)
    refusals = erasure_refusals(subject=subject, actor=request.user, scope=scope)
    if "confirmed" in request.POST and not refusals:
        if not form.cleaned_data["confirm"]:
            form.add_error("confirm", "Confirm that you understand the erasure cannot be undone")
        if not form.cleaned_data["reason"].strip():
            form.add_error("reason", "Say why the data is erased")
        if not form.errors:
            try:
                action = person_erase(
                    subject=subject,
                    actor=request.user,
                    scope=scope,
                    reason=form.cleaned_data["reason"],
                    programme=programme,
                )
            except DomainError as exc:
                add_service_error(form, exc)
            else:
                messages.success(
                    request,
                    f"Erased: the person is now “{action.erased_label}” (erasure {action.pk}).",
                )
                return redirect("privacy:index", programme.slug)
    elif "confirmed" not in request.POST:
        form = EraseForm()
    return render(
        request,
        "privacy/erase.html",
        {
            "programme": programme,
            "form": form,
            "who": _who(subject),
            "refusals": refusals,
            "data": personal_data(subject=subject, scope=scope),
            "nav_current": NAV,
        },
        status=200 if not form.errors else 400,
    )


@require_http_methods(["GET", "POST"])
def retention(request, slug):
    """Unsuccessful applicants whose data is due to go (a dry run, on GET), and erasing them."""
    programme = _programme(request, slug)
    if request.method == "POST":
        outcomes = retention_run(
            programmes=[programme], actor=request.user, scope={programme.pk}, programme=programme
        )
        erased = sum(1 for o in outcomes if o.action)
        skipped = [o for o in outcomes if not o.action]
        text = f"{erased} applicant{'s' if erased != 1 else ''}’ personal data erased."
        if skipped:
            text += f" {len(skipped)} could not be: {skipped[0].refusal}"
        messages.success(request, text)
        return redirect("privacy:retention", programme.slug)
    return render(
        request,
        "privacy/retention.html",
        {
            "programme": programme,
            "due": retention_due(programmes=[programme]),
            "nav_current": NAV,
        },
    )
