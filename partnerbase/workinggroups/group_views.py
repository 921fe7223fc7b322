"""The team's pages for a working group itself: create one for a challenge area, rename it or
change its purpose, archive and unarchive it, remove one made by mistake. Every write is a
POST through a service; another programme's group is a 404, another role a 403."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from partnerbase.core.errors import DomainError
from partnerbase.core.forms import add_service_error, opened
from partnerbase.core.pages import form_page
from partnerbase.programmes.access import programme_for

from . import permissions as may
from . import services
from .group_forms import ArchiveForm, GroupCreateForm, GroupForm
from .queries import challenge_areas_without_group
from .views import NAV, _group, group_url


def list_url(programme) -> str:
    return reverse("workinggroups:group_list", args=[programme.slug])


@require_http_methods(["GET", "POST"])
def group_create(request, slug):
    programme = programme_for(request, slug, may.can_create_working_group)
    areas = challenge_areas_without_group(programme=programme)
    form = GroupCreateForm(request.POST or None, areas=areas)
    if request.method == "POST" and form.is_valid():
        try:
            group = services.working_group_create(
                actor=request.user, programme=programme, **form.cleaned_data
            )
        except (DomainError, ValidationError) as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, "Working group created.")
            return redirect(group_url(group))
    context = {"programme": programme, "areas": areas, "form": form, "nav_current": NAV}
    return render(request, "workinggroups/group_form.html", context)


@require_http_methods(["GET", "POST"])
def group_edit(request, slug, uid):
    programme, group = _group(request, slug, uid, may.can_manage_working_group)
    form = opened(
        GroupForm(request.POST or None, initial={"name": group.name, "purpose": group.purpose}),
        group,
    )
    return form_page(
        request,
        "workinggroups/group_form.html",
        {"programme": programme, "group": group},
        form,
        lambda data: services.working_group_update(actor=request.user, working_group=group, **data),
        "Working group changed.",
        group_url(group),
        nav=NAV,
    )


@require_http_methods(["GET", "POST"])
def group_archive(request, slug, uid):
    programme, group = _group(request, slug, uid, may.can_manage_working_group)
    if group.is_archived:
        messages.error(request, f"{group} is already archived.")
        return redirect(group_url(group))
    form = ArchiveForm(request.POST or None)
    current = [str(m.person) for m in group.members.select_related("person") if not m.left_on]
    shown = ", ".join(current[:5]) + (f" and {len(current) - 5} more" if len(current) > 5 else "")
    return form_page(
        request,
        "workinggroups/archive_form.html",
        {"programme": programme, "group": group, "current": len(current), "names": shown},
        form,
        lambda data: services.working_group_archive(
            actor=request.user, working_group=group, on=data["on"]
        ),
        f"{group} archived.",
        group_url(group),
        nav=NAV,
    )


@require_POST
def group_unarchive(request, slug, uid):
    _, group = _group(request, slug, uid, may.can_manage_working_group)
    try:
        services.working_group_unarchive(actor=request.user, working_group=group)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request, f"{group} unarchived: it takes members, meetings and ideas again."
        )
    return redirect(group_url(group))


@require_http_methods(["GET", "POST"])
def group_remove(request, slug, uid):
    programme, group = _group(request, slug, uid, may.can_manage_working_group)
    refusal = ""
    if request.method == "POST":
        try:
            services.working_group_remove(actor=request.user, working_group=group)
        except DomainError as exc:
            refusal = exc.message
        else:
            messages.success(request, f"{group} removed.")
            return redirect(list_url(programme))
    return render(
        request,
        "workinggroups/group_remove.html",
        {
            "programme": programme,
            "group": group,
            "refusal": refusal or services.working_group_dependents(group),
            "nav_current": NAV,
        },
    )
