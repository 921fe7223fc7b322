"""Project pages: the list, a project (coalition, money, outcomes, history) and its forms."""

from functools import partial

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from partnerbase.accounts.permissions import can_manage_programme
from partnerbase.core.changes import record_history_page
from partnerbase.core.forms import opened
from partnerbase.core.history import history_entries
from partnerbase.core.pages import form_page
from partnerbase.core.versions import check_current
from partnerbase.programmes.access import programme_for
from partnerbase.workinggroups.permissions import can_view_working_group
from partnerbase.workinggroups.queries import project_origin

from .. import services
from ..forms import CoalitionMemberForm, IndicatorForm, ObservationForm, ProjectForm, StatusForm
from ..permissions import can_manage_projects, can_view_competitions, can_view_projects
from ..queries import (
    project_get,
    project_history_parts,
    project_indicators,
    project_list,
    project_money,
)
from .common import NAV

_programme = partial(programme_for, allowed=can_view_projects)


def _managed(request, slug, uid=None):
    programme = programme_for(request, slug, can_manage_projects)
    project = project_get(user=request.user, programme=programme, uid=uid) if uid else None
    return programme, project


@require_GET
def project_index(request, slug):
    programme = _programme(request, slug)
    return render(
        request,
        "projects/project_list.html",
        {
            "programme": programme,
            "projects": project_list(user=request.user, programme=programme),
            "can_manage": can_manage_projects(request.user, programme),
            "can_view_competitions": can_view_competitions(request.user, programme),
            "nav_current": NAV,
        },
    )


@require_GET
def project_detail(request, slug, uid):
    programme = _programme(request, slug)
    project = project_get(user=request.user, programme=programme, uid=uid)
    origin = project_origin(project)
    may_open = bool(origin and can_view_working_group(request.user, origin.working_group))
    return render(
        request,
        "projects/project_detail.html",
        {
            "programme": programme,
            "project": project,
            # The idea it came from, linked to its working group for those who may see it.
            "origin_idea": origin,
            "origin_link": may_open,
            "money": project_money(project),
            "indicators": project_indicators(project),
            "history": history_entries(project),
            "can_manage": can_manage_projects(request.user, programme),
            "can_publish": can_manage_programme(request.user, programme),
            "nav_current": NAV,
        },
    )


@require_GET
def project_history(request, slug, uid):
    """Every change to the project, its coalition, funding and outcomes (as its page)."""
    programme = _programme(request, slug)
    project = project_get(user=request.user, programme=programme, uid=uid)
    return record_history_page(
        request,
        programme=programme,
        parts=project_history_parts(project),
        record=project.name,
        back=(reverse("projects:project_detail", args=[slug, uid]), f"Back to {project.name}"),
        filename=f"{programme.slug}-project-{uid}-history.csv",
        nav_current="projects",
        caption="Changes to this project, its coalition, funding and outcomes",
    )


@require_POST
def project_publish(request, slug, uid):
    """The convening team puts the project on the public page, or takes it off."""
    programme = _programme(request, slug)
    if not can_manage_programme(request.user, programme):
        raise PermissionDenied
    project = project_get(user=request.user, programme=programme, uid=uid)
    published = request.POST.get("publish") == "yes"
    services.project_publish(actor=request.user, project=project, published=published)
    messages.success(
        request,
        f"{project.name} is {'on' if published else 'off'} the public page.",
    )
    return redirect(project_url(project))


@require_http_methods(["GET", "POST"])
def project_add(request, slug):
    programme, _ = _managed(request, slug)
    form = ProjectForm(request.POST or None, programme=programme)
    return form_page(
        request,
        "projects/project_form.html",
        {"programme": programme},
        form,
        lambda data: services.project_create(actor=request.user, programme=programme, **data),
        lambda project: f"{project.name} created.",
        project_url,
        nav=NAV,
    )


@require_http_methods(["GET", "POST"])
def coalition_add(request, slug, uid):
    programme, project = _managed(request, slug, uid)
    form = CoalitionMemberForm(request.POST or None, programme=programme)
    return form_page(
        request,
        "projects/coalition_form.html",
        {"programme": programme, "project": project},
        form,
        lambda data: services.coalition_member_add(actor=request.user, project=project, **data),
        "Coalition member added.",
        project_url(project),
        nav=NAV,
    )


@require_http_methods(["GET", "POST"])
def status_change(request, slug, uid):
    programme, project = _managed(request, slug, uid)
    form = opened(StatusForm(request.POST or None, project=project), project)
    return form_page(
        request,
        "projects/status_form.html",
        {"programme": programme, "project": project},
        form,
        lambda data: _status_change(request.user, project, data),
        "Status changed.",
        project_url(project),
        nav=NAV,
    )


@transaction.atomic
def _status_change(actor, project, data):
    check_current(project)  # the service saves the project it reads again, locked
    return services.project_status_change(actor=actor, project=project, **data)


@require_http_methods(["GET", "POST"])
def indicator_add(request, slug, uid):
    programme, project = _managed(request, slug, uid)
    form = IndicatorForm(request.POST or None)
    return form_page(
        request,
        "projects/indicator_form.html",
        {"programme": programme, "project": project},
        form,
        lambda data: services.project_indicator_add(actor=request.user, project=project, **data),
        "Indicator added.",
        project_url(project),
        nav=NAV,
    )


@require_http_methods(["GET", "POST"])
def observation_add(request, slug, uid):
    programme, project = _managed(request, slug, uid)
    form = ObservationForm(request.POST or None, project=project)
    return form_page(
        request,
        "projects/observation_form.html",
        {"programme": programme, "project": project},
        form,
        lambda data: services.project_observation_record(actor=request.user, **data),
        "Observation recorded.",
        project_url(project),
        nav=NAV,
    )


def project_url(project) -> str:
    return reverse("projects:project_detail", args=[project.programme.slug, project.uid])
