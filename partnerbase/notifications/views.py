"""A person's notifications and settings (/accounts/notifications/), and the team's list
of emails that have not gone (/programmes/<slug>/notifications/). No GET changes anything:
marking read and trying again are POSTs."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from partnerbase.programmes.access import programme_for

from . import queries, services
from .forms import SettingsForm
from .models import ALWAYS_ON, EmailState, Kind
from .permissions import can_retry_notifications, can_view_notifications

PER_PAGE = 25


def _signed_in(request) -> None:
    if not can_view_notifications(request.user):
        raise PermissionDenied


def _page_number(request) -> str:
    return request.POST.get("page") or request.GET.get("page") or "1"


def _back_to_list(request):
    response = redirect("notifications:list")
    page = _page_number(request)
    if page.isdigit() and page != "1":
        response["Location"] += f"?page={page}"
    return response


@require_GET
def notification_list(request):
    _signed_in(request)
    notifications = queries.my_notifications(user=request.user)
    page = Paginator(notifications, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "notifications/list.html",
        {
            "page": page,
            "unread": queries.unread_count(user=request.user),
            "nav_current": "notifications",
        },
    )


@require_POST
def notification_read(request, uid):
    _signed_in(request)
    notification = queries.my_notification_get(user=request.user, uid=uid)
    services.notification_read(actor=request.user, notification=notification)
    return _back_to_list(request)


@require_POST
def notifications_read_all(request):
    _signed_in(request)
    count = services.notifications_read_all(actor=request.user, user=request.user)
    messages.success(request, f"{count} notification{'s' if count != 1 else ''} marked as read.")
    return _back_to_list(request)


@require_http_methods(["GET", "POST"])
def notification_settings(request):
    _signed_in(request)
    off = queries.turned_off(user=request.user)
    on = [k for k, _ in SettingsForm.base_fields["kinds"].choices if k not in off]
    form = SettingsForm(request.POST or None, initial={"kinds": on})
    if request.method == "POST" and form.is_valid():
        chosen = set(form.cleaned_data["kinds"])
        services.notification_settings_save(
            actor=request.user,
            user=request.user,
            turned_off=[k for k in Kind.values if k not in chosen],
        )
        messages.success(request, "Your notification settings are saved.")
        return redirect("notifications:settings")
    return render(
        request,
        "notifications/settings.html",
        {
            "form": form,
            "always_on": [Kind(k).label for k in sorted(ALWAYS_ON)],
            "nav_current": "notifications",
        },
    )


def _team_programme(request, slug):
    """The programme (404 for outsiders), or 403 unless the user is on its team."""
    programme = programme_for(request, slug, can_retry_notifications)
    return programme


@require_GET
def unsent_list(request, slug):
    programme = _team_programme(request, slug)
    unsent = list(queries.unsent(programme=programme))
    return render(
        request,
        "notifications/unsent.html",
        {
            "programme": programme,
            "failed": [n for n in unsent if n.email_state == EmailState.FAILED],
            "pending": [n for n in unsent if n.email_state == EmailState.PENDING],
            "max_attempts": services.MAX_ATTEMPTS,
        },
    )


@require_POST
def unsent_retry(request, slug, uid):
    programme = _team_programme(request, slug)
    notification = queries.unsent_get(programme=programme, uid=uid)
    done = services.notification_retry(
        actor=request.user, notification=notification, site=request.build_absolute_uri("/")
    )
    if done.email_state == EmailState.SENT:
        messages.success(request, f"The email to {done.email} was sent.")
    else:
        messages.error(request, f"The email to {done.email} failed again: {done.last_error}")
    return redirect("programme_notifications:unsent", programme.slug)
