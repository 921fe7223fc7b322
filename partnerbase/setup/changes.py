"""The programme's change log: every change to its records, for the convening team, as a
long list (core.changes) with a link to each record's page that still exists."""

from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from partnerbase.accounts.models import Membership
from partnerbase.accounts.permissions import can_manage_programme
from partnerbase.core.changes import changes_page, programme_parts
from partnerbase.programmes.access import programme_for

# The record pages a change log row links to, by kind: each named by the programme's slug
# and the record's uid. An organisation's history page stays after it is deleted or merged.
RECORD_PAGES = {
    "directory.organisation": "directory:organisation_history",
    "funding.fundingaward": "funding:award_detail",
    "pledges.pledge": "pledges:detail",
    "projects.collaborativeproject": "projects:project_detail",
    "projects.competition": "projects:competition_detail",
    "brokering.partnership": "brokering:partnership_detail",
    "brokering.brokeringround": "brokering:round_detail",
    "workinggroups.workinggroup": "workinggroups:group_detail",
    "board.boardmeeting": "board:meeting_detail",
    "challenges.challengevote": "challenges:vote_detail",
}


def _people(programme) -> list[tuple[int, str]]:
    """Whoever holds a role in the programme, for the "who" filter (others by search)."""
    users = {
        m.user_id: m.user.full_name or m.user.email
        for m in Membership.objects.filter(programme=programme).select_related("user")
    }
    return sorted(users.items(), key=lambda item: item[1].lower())


def _link(programme, entry) -> str:
    name = RECORD_PAGES.get(entry["kind"].key)
    if not name or entry.get("gone"):
        return ""
    return reverse(name, args=[programme.slug, entry["row"].uid])


def _mark_gone(entries: list[dict]) -> None:
    """A row whose record was deleted since gets no link: one query a linked kind."""
    by_kind: dict = {}
    for entry in entries:
        if entry["kind"].key in RECORD_PAGES and entry["kind"].key != "directory.organisation":
            by_kind.setdefault(entry["kind"], set()).add(entry["row"].id)
    live = {
        kind.key: set(kind.model.objects.filter(pk__in=ids).values_list("pk", flat=True))
        for kind, ids in by_kind.items()
    }
    for entry in entries:
        if entry["kind"].key in live:
            entry["gone"] = entry["row"].id not in live[entry["kind"].key]


@require_GET
def change_log(request, slug):
    programme = programme_for(request, slug, can_manage_programme)
    listing = changes_page(
        request,
        programme_parts(programme),
        filename=f"{programme.slug}-changes.csv",
        people=_people(programme),
    )
    if not isinstance(listing, dict):
        return listing
    _mark_gone(listing["rows"])
    for entry in listing["rows"]:
        entry["link"] = _link(programme, entry)
    return render(
        request,
        "setup/change_log.html",
        {"programme": programme, **listing, "history": listing["rows"], "nav_current": "changes"},
    )
