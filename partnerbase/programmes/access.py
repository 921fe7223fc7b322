"""What every page of a programme does first: find the programme named in its URL and
check that the caller may be there. One place for every app's views."""

from collections.abc import Callable

from django.core.exceptions import PermissionDenied
from django.http import Http404

from .queries import programme_get


def programme_for(request, slug: str, allowed: Callable | None = None, *, hidden: bool = False):
    """The programme: 404 for anyone who may not see it (so outsiders can't learn it exists);
    then, unless `allowed(user, programme)`, 403 — or 404 if the page itself is `hidden`
    from those who may not use it."""
    programme = programme_get(user=request.user, slug=slug)
    if allowed is not None and not allowed(request.user, programme):
        if hidden:
            raise Http404("No such page")
        raise PermissionDenied
    return programme


def check(allowed: bool) -> None:
    """403 for an action on a record the caller may see but not change."""
    if not allowed:
        raise PermissionDenied


def visible(allowed: bool) -> None:
    """404 for a record the caller may not see, as if it did not exist."""
    if not allowed:
        raise Http404
