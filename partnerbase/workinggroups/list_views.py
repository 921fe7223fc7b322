"""The ideas of every working group the user may read, as a long list: filtered, sorted, in
pages and downloadable as CSV."""

from django.views.decorators.http import require_GET

from partnerbase.core.lists import Column, Sort, list_view
from partnerbase.programmes.access import programme_for

from . import permissions as may
from .filters import IdeaFilter
from .queries import idea_list
from .views import NAV

IDEA_SORTS = [
    Sort("proposed", "Proposed", ("-proposed_on", "title")),
    Sort("title", "Idea", ("title",)),
    Sort("group", "Working group", ("working_group__name", "-proposed_on")),
    Sort("status", "Status", ("status", "-proposed_on")),
]
IDEA_COLUMNS = [
    Column("Idea", lambda i: i.title),
    Column("Working group", lambda i: i.working_group.name),
    Column("Challenge area", lambda i: i.working_group.challenge_area.name),
    Column("Proposed by", lambda i: i.proposed_by.person.name),
    Column("Proposed on", lambda i: i.proposed_on),
    Column("Status", lambda i: i.get_status_display()),
    Column("Status changed on", lambda i: i.status_changed_on),
    Column("Project", lambda i: i.project.name if i.project else ""),
    Column("Description", lambda i: i.description),
    Column("Id", lambda i: i.uid),
]


@require_GET
def idea_index(request, slug):
    """The ideas of every group the user may read (a member: their own groups')."""
    programme = programme_for(request, slug, may.can_view_working_groups)
    return list_view(
        request,
        "workinggroups/idea_list.html",
        {"programme": programme, "nav_current": NAV},
        idea_list(user=request.user, programme=programme).select_related(
            "working_group__challenge_area", "proposed_by__person", "project"
        ),
        filterset_class=IdeaFilter,
        sorts=IDEA_SORTS,
        columns=IDEA_COLUMNS,
        filename=f"{programme.slug}-ideas.csv",
    )
