"""The signed-in person's own account, and the page an invitation link opens."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from partnerbase.core.errors import DomainError
from partnerbase.core.forms import add_service_error

from ..api_tokens import api_token_list
from ..forms import AcceptInvitationForm
from ..invitations import invitation_accept, invitation_register
from ..models import PROBLEMS, User
from ..queries import invitation_by_token, roles_by_programme


@require_GET
def account(request):
    return render(
        request,
        "accounts/account.html",
        {
            "rows": roles_by_programme(user=request.user),
            "api_token_count": api_token_list(user=request.user)
            .filter(revoked_at__isnull=True)
            .count(),
            "nav_current": "account",
        },
    )


def _taken_up(request, invitation):
    roles = ", ".join(invitation.role_lines)
    messages.success(request, f"You have joined {invitation.programme.name} as {roles}.")
    return redirect("home")


@login_not_required
@never_cache
@require_http_methods(["GET", "POST"])
def invitation(request, token):
    """Open an invitation link: someone new sets a password; someone with an account signs
    in (if they have not) and accepts. Links that cannot be used say why."""
    found, problem = invitation_by_token(token)
    if problem:
        return render(
            request,
            "accounts/invitation_problem.html",
            {
                "problem": problem,
                "message": PROBLEMS[problem],
                "invitation": found,
                "expiry_days": settings.INVITATION_EXPIRY_DAYS,
            },
            status=404 if problem == "unknown" else 410,
        )
    user = request.user
    context = {"invitation": found, "programme_name": found.programme.name}
    if user.is_authenticated and user.email.lower() != found.email.lower():
        return render(request, "accounts/invitation_other_account.html", context)
    if User.objects.filter(email__iexact=found.email).exists():
        if not user.is_authenticated:
            return render(request, "accounts/invitation_sign_in.html", context)
        if request.method == "POST":
            try:
                invitation_accept(invitation=found, user=user)
            except DomainError as exc:
                messages.error(request, exc.message)
                return redirect("home")
            return _taken_up(request, found)
        return render(request, "accounts/invitation_accept.html", context)
    form = AcceptInvitationForm(request.POST or None, initial={"full_name": found.full_name})
    if request.method == "POST" and form.is_valid():
        try:
            new_user = invitation_register(
                invitation=found,
                full_name=form.cleaned_data["full_name"],
                password=form.cleaned_data["password"],
            )
        except DomainError as exc:
            add_service_error(form, exc)
        else:
            login(request, new_user, backend="django.contrib.auth.backends.ModelBackend")
            return _taken_up(request, found)
    return render(request, "accounts/invitation_register.html", {**context, "form": form})
