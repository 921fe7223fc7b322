"""Where each person can go in a programme: the landing page lists every place they may
open, grouped; the top navigation shows the few their roles use most.

Every place is shown only if its own permission function allows it, so a link never leads
to a refusal.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse

from partnerbase.accelerator.permissions import can_manage_accelerator, can_view_own_page
from partnerbase.accounts.models import Role
from partnerbase.accounts.permissions import (
    can_manage_people,
    can_manage_programme,
    can_view_dashboard,
    can_view_directory,
    can_view_figure_records,
    programme_roles,
)
from partnerbase.assessment.permissions import can_view_assessment
from partnerbase.board.permissions import can_view_board
from partnerbase.brokering.permissions import can_use_brokering, can_view_my_introductions
from partnerbase.calls.permissions import can_manage_calls, can_view_own_applications
from partnerbase.challenges.permissions import can_view_challenge_areas
from partnerbase.champions.permissions import can_target_champions
from partnerbase.funding.permissions import can_view_ledger
from partnerbase.network.permissions import can_view_map
from partnerbase.opendata.permissions import can_view_open_data
from partnerbase.outcomes.permissions import can_view_cohort_outcomes
from partnerbase.pledges.permissions import can_use_pledges
from partnerbase.projects.permissions import can_view_competitions, can_view_projects
from partnerbase.stories.permissions import can_view_stories
from partnerbase.workinggroups.permissions import can_view_working_groups


@dataclass(frozen=True)
class Place:
    key: str  # also the pages' nav_current
    label: str
    url_name: str
    allowed: Callable


GROUPS = {
    "Reports": [
        Place("dashboard", "Dashboard", "reports:dashboard", can_view_dashboard),
        Place("report", "Progress report", "reports:report", can_view_figure_records),
        Place("map", "Partnership map", "network:map", can_view_map),
        Place("outcomes", "Innovator outcomes", "outcomes:cohort", can_view_cohort_outcomes),
        Place("stories", "Innovators' stories", "stories:story_list", can_view_stories),
        Place("open-data", "Open data (360Giving)", "opendata:open_data", can_view_open_data),
    ],
    "Convening": [
        Place("board", "Board", "board:home", can_view_board),
        Place("champions", "Champion prospects", "champions:prospect_list", can_target_champions),
        Place("pledges", "Pledges", "pledges:ledger", can_use_pledges),
        Place("challenges", "Challenge areas", "challenges:area_list", can_view_challenge_areas),
        Place(
            "working-groups", "Working groups", "workinggroups:group_list", can_view_working_groups
        ),
    ],
    "Accelerator": [
        Place("accelerator", "Accelerator", "accelerator:home", can_manage_accelerator),
        Place("calls", "Calls", "calls:call_list", can_manage_calls),
        Place("assessment", "Assessment", "assessment:index", can_view_assessment),
        Place("mine", "Your accelerator", "accelerator:mine", can_view_own_page),
        Place(
            "applications", "Your applications", "calls:my_applications", can_view_own_applications
        ),
    ],
    "Brokering": [
        Place("brokering", "Brokering", "brokering:home", can_use_brokering),
        Place(
            "introductions",
            "Your introductions",
            "brokering:my_introductions",
            can_view_my_introductions,
        ),
    ],
    "Money and projects": [
        Place("funding", "Funding", "funding:ledger", can_view_ledger),
        Place("projects", "Collaborative projects", "projects:project_list", can_view_projects),
        Place("competitions", "Competitions", "projects:competition_list", can_view_competitions),
    ],
    "Directory": [
        Place("organisations", "Organisations", "directory:organisation_list", can_view_directory),
        Place("people", "People and access", "people:list", can_manage_people),
        Place("changes", "Change log", "changes:log", can_manage_programme),
    ],
}  # fmt: skip
_BY_KEY = {p.key: p for group in GROUPS.values() for p in group}

# The top navigation for each role, most used first; a person with several roles gets
# them all, in this order. Everything else is on the landing page.
ROLE_NAV = {
    Role.TEAM: ["dashboard", "report", "board", "accelerator", "brokering", "organisations"],
    Role.CHAMPION: ["dashboard", "board", "pledges", "challenges"],
    Role.WORKING_GROUP_MEMBER: ["working-groups", "challenges"],
    Role.ACCELERATOR_MANAGER: ["dashboard", "calls", "assessment", "accelerator", "brokering"],
    Role.ASSESSOR: ["assessment"],
    Role.INNOVATOR: ["mine", "applications", "introductions"],
    Role.PARTNER_CONTACT: ["introductions", "pledges", "challenges"],
}
# An applicant holds no role until selected; what they may open is their applications.
NO_ROLE_NAV = ["applications"]
_NAV_ORDER = [
    "dashboard",
    "report",
    "mine",
    "applications",
    "introductions",
    "board",
    "pledges",
    "working-groups",
    "challenges",
    "calls",
    "assessment",
    "accelerator",
    "brokering",
    "organisations",
]
# The nav_current of pages that belong under a top-level place.
SECTION_OF = {
    "champions": "board",
    "outcomes": "dashboard",
    "funding": "dashboard",
    "projects": "dashboard",
    "open-data": "dashboard",
    "stories": "dashboard",
    "map": "dashboard",
}


def _link(place: Place, programme) -> tuple[str, str, str]:
    return place.key, place.label, reverse(place.url_name, args=[programme.slug])


def places(user, programme) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """(group, [(key, label, url)]) for every place `user` may open, in GROUPS order."""
    found = (
        (group, [_link(p, programme) for p in group_places if p.allowed(user, programme)])
        for group, group_places in GROUPS.items()
    )
    return [(group, links) for group, links in found if links]


def navigation(user, programme) -> list[tuple[str, str, str]]:
    """(key, label, url) for the top navigation."""
    if getattr(user, "is_superuser", False):
        wanted = set(ROLE_NAV[Role.TEAM])
    else:
        roles = programme_roles(user, programme)
        wanted = {key for role in roles for key in ROLE_NAV.get(role, [])} or set(NO_ROLE_NAV)
    return [
        _link(_BY_KEY[key], programme)
        for key in _NAV_ORDER
        if key in wanted and _BY_KEY[key].allowed(user, programme)
    ]
