"""What every brokering view does first: find the programme and check the user may be here."""

from collections.abc import Callable

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone

from partnerbase.programmes.queries import programme_get

NAV = "brokering"


def programme_for(request, slug: str, allowed: Callable) -> object:
    """The programme (404 for outsiders), or 403 unless `allowed(user, programme)`."""
    programme = programme_get(user=request.user, slug=slug)
    if not allowed(request.user, programme):
        raise PermissionDenied
    return programme


def check(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def visible(allowed: bool) -> None:
    """404 for a record the caller may not see, as if it did not exist."""
    if not allowed:
        raise Http404


def today():
    return timezone.localdate()


def context(programme, **extra) -> dict:
    return {"programme": programme, "nav_current": NAV, **extra}
