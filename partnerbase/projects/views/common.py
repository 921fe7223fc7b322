"""What the project and competition pages share."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from partnerbase.core.errors import DomainError
from partnerbase.core.forms import add_service_error


def form_page(request, template, context, form, save, success, target):
    """Run `save(cleaned_data)` for a valid POST, then go to `target` (a URL, or a function
    of what was saved); service errors go next to the fields and nothing is saved."""
    if request.method == "POST" and form.is_valid():
        try:
            saved = save(form.cleaned_data)
        except (DomainError, ValidationError) as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, success(saved) if callable(success) else success)
            return redirect(target(saved) if callable(target) else target)
    return render(
        request,
        template,
        {**context, "form": form, "nav_current": context.get("nav_current", "projects")},
    )
