"""What the challenge pages share: the programme lookup with its permission check."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse

from partnerbase.core.errors import DomainError
from partnerbase.core.forms import add_service_error
from partnerbase.programmes.queries import programme_get

NAV = "challenges"


def programme_for(request, slug, allowed):
    """The programme (404 for outsiders), if `allowed(user, programme)`; otherwise 403."""
    programme = programme_get(user=request.user, slug=slug)
    if not allowed(request.user, programme):
        raise PermissionDenied
    return programme


def form_page(request, template, context, form, save, success, target):
    """Run `save(cleaned_data)` for a valid POST; service errors go next to the fields and,
    the service being atomic, nothing is saved."""
    if request.method == "POST" and form.is_valid():
        try:
            saved = save(form.cleaned_data)
        except (DomainError, ValidationError) as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, success(saved) if callable(success) else success)
            return redirect(target(saved) if callable(target) else target)
    return render(request, template, {**context, "form": form, "nav_current": NAV})


def vote_url(vote, name="vote_detail") -> str:
    return reverse(f"challenges:{name}", args=[vote.programme.slug, vote.uid])


def posted(request):
    """The submitted data, even when empty (an unticked ballot must still be checked)."""
    return request.POST if request.method == "POST" else None
