"""Who may call the API: the pages' permission functions decide; this adds only what a
token limits (one programme, reading only) and the login-free entry for token callers."""

from collections.abc import Callable

from django.http import Http404
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import SAFE_METHODS, BasePermission

from partnerbase.accounts.models import ApiToken
from partnerbase.accounts.permissions import can_view_programme
from partnerbase.programmes.queries import programme_get, programme_list


def token_of(request) -> ApiToken | None:
    return request.auth if isinstance(request.auth, ApiToken) else None


class TokenScope(BasePermission):
    """Someone authenticated; a read-only token may only read."""

    def has_permission(self, request, view):
        if not (request.user and request.user.is_authenticated):
            return False
        token = token_of(request)
        if token is not None and token.read_only and request.method not in SAFE_METHODS:
            raise PermissionDenied("This token may only read.")
        return True


def visible_programmes(request):
    programmes = programme_list(user=request.user)
    token = token_of(request)
    return programmes.filter(pk=token.programme_id) if token and token.programme_id else programmes


def programme_for(request, slug: str, allowed: Callable = can_view_programme):
    """The programme (404 for one the caller does not belong to, or that the token is not
    for, as the pages answer outsiders), or 403 unless `allowed(user, programme)`: the
    check the matching page makes."""
    programme = programme_get(user=request.user, slug=slug)
    token = token_of(request)
    if token is not None and token.programme_id not in (None, programme.pk):
        raise Http404("No such programme")
    if not allowed(request.user, programme):
        raise PermissionDenied
    return programme


class LoginFree:
    """API views answer 401 themselves: Django's LoginRequiredMiddleware, which sends
    browsers to the sign-in page, must let a bearer token through."""

    @classmethod
    def as_view(cls, *args, **kwargs):
        view = super().as_view(*args, **kwargs)
        view.login_required = False
        return view
