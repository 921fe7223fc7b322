"""What every form page does with a valid POST: save through a service, put a service's
refusal next to the form's fields (the service is atomic, so nothing is half-saved), or
say what was saved and go on. One place for every app's views."""

from types import SimpleNamespace

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from .errors import DomainError
from .forms import add_service_error
from .versions import StaleRecord


def saved(form, save, saved_now=None) -> bool:
    """Run `save()`; True if it saved, else its refusal is on `form` and False. A form of
    several records gives `saved_now()`, their values now by its field names, to show
    beside the user's when someone else saved them meanwhile."""
    try:
        save()
    except (DomainError, ValidationError) as exc:
        if isinstance(exc, StaleRecord) and saved_now is not None:
            exc.current = SimpleNamespace(**saved_now())
        add_service_error(form, exc)
        return False
    return True


def form_page(request, template, context, form, save, success, target, *, nav: str = ""):
    """Run `save(cleaned_data)` for a valid POST, then say `success` and go to `target`
    (each a value, or a function of what was saved); otherwise show the form, under the
    navigation's `nav` section unless the context names another."""
    if nav:
        context = {"nav_current": nav, **context}
    if request.method == "POST" and form.is_valid():
        result = []
        if saved(form, lambda: result.append(save(form.cleaned_data))):
            done = result[0]
            messages.success(request, success(done) if callable(success) else success)
            return redirect(target(done) if callable(target) else target)
    return render(request, template, {**context, "form": form})
