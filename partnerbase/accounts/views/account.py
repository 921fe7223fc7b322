"""The signed-in person's own account."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from ..queries import roles_by_programme


@require_GET
def account(request):
    return render(
        request,
        "accounts/account.html",
        {"rows": roles_by_programme(user=request.user), "nav_current": "account"},
    )
