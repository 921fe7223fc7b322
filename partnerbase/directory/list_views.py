"""The programme's engagements and people as long lists: filtered, sorted, in pages, and
downloadable as CSV. Readers of the directory see them, as on the organisations' pages."""

from django.views.decorators.http import require_GET

from partnerbase.core.lists import Column, Sort, list_view

from .filters import EngagementFilter, PersonFilter
from .queries import engagement_list, person_list
from .views import _programme

ENGAGEMENT_SORTS = [
    Sort("date", "Date", ("-occurred_on",)),
    Sort("organisation", "Organisation", ("organisation__name", "-occurred_on")),
    Sort("kind", "Kind", ("kind", "-occurred_on")),
]
ENGAGEMENT_COLUMNS = [
    Column("Date", lambda e: e.occurred_on),
    Column("Organisation", lambda e: e.organisation.name),
    Column("Kind", lambda e: e.get_kind_display()),
    Column("Summary", lambda e: e.summary),
    Column("Notes", lambda e: e.notes),
    Column("Id", lambda e: e.uid),
]
PERSON_SORTS = [
    Sort("name", "Name", ("name",)),
    Sort("organisation", "Organisation", ("organisation__name", "name")),
    Sort("job", "Job title", ("job_title", "name")),
]
PERSON_COLUMNS = [
    Column("Name", lambda p: p.name),
    Column("Job title", lambda p: p.job_title),
    Column("Organisation", lambda p: p.organisation.name if p.organisation else ""),
    Column("Email", lambda p: p.email),
    Column("Phone", lambda p: p.phone),
    Column("Id", lambda p: p.uid),
]


@require_GET
def engagement_index(request, slug):
    programme = _programme(request, slug)
    return list_view(
        request,
        "directory/engagement_list.html",
        {"programme": programme, "nav_current": "organisations"},
        engagement_list(user=request.user, programme=programme),
        filterset_class=EngagementFilter,
        sorts=ENGAGEMENT_SORTS,
        columns=ENGAGEMENT_COLUMNS,
        filename=f"{programme.slug}-engagements.csv",
    )


@require_GET
def person_index(request, slug):
    programme = _programme(request, slug)
    return list_view(
        request,
        "directory/person_list.html",
        {"programme": programme, "nav_current": "organisations"},
        person_list(programme=programme),
        filterset_class=PersonFilter,
        sorts=PERSON_SORTS,
        columns=PERSON_COLUMNS,
        filename=f"{programme.slug}-people.csv",
    )
