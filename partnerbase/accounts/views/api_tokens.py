"""The account page's API tokens: make one (shown once), list them, revoke one."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from partnerbase.core.errors import DomainError
from partnerbase.core.forms import add_service_error

from ..api_tokens import api_token_create, api_token_get, api_token_list, api_token_revoke
from ..forms import ApiTokenForm


@never_cache
@require_http_methods(["GET", "POST"])
def api_tokens(request):
    """Anyone signed in manages their own tokens: a token holds no more than its holder."""
    form = ApiTokenForm(request.POST or None, user=request.user)
    made = None
    if request.method == "POST" and form.is_valid():
        try:
            record, token = api_token_create(
                actor=request.user, user=request.user, **form.cleaned_data
            )
        except DomainError as exc:
            add_service_error(form, exc)
        else:
            # Shown in this answer only: the database keeps its hash.
            made = {"record": record, "token": token}
            form = ApiTokenForm(user=request.user)
    return render(
        request,
        "accounts/api_tokens.html",
        {
            "form": form,
            "made": made,
            "tokens": api_token_list(user=request.user),
            "nav_current": "account",
        },
    )


@require_POST
def api_token_revoke_view(request, uid):
    token = api_token_get(user=request.user, uid=uid)
    if token is None:
        raise Http404("No such token of yours")
    try:
        api_token_revoke(actor=request.user, token=token)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"Token {token} revoked: it no longer works.")
    return redirect("accounts:api_tokens")
