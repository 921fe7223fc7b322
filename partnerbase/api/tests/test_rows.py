"""Each list answers the rows its page shows the same person: compared, role by role, with
what the page put in its context (an innovator sees only their own needs, a partner
contact only the awards to or from their organisation, and so on)."""

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.throttling import UserRateThrottle

from partnerbase.accounts.models import Role
from partnerbase.brokering.models import Need
from partnerbase.brokering.services import need_create
from partnerbase.directory.models import Organisation

from .conftest import Caller

pytestmark = pytest.mark.django_db

# API list → (page, how to take the records from the page's context). The long lists'
# pages show a page of their rows: their context's `filters.qs` holds every row they list.
PAGES = {
    "needs": ("brokering:need_list", lambda c: c["filters"].qs),
    "offers": ("brokering:offer_list", lambda c: c["filters"].qs),
    "funding-awards": ("funding:ledger", lambda c: c["filters"].qs),
    "projects": ("projects:project_list", lambda c: c["projects"]),
    "competitions": ("projects:competition_list", lambda c: c["competitions"]),
    "challenge-areas": ("challenges:area_list", lambda c: c["areas"]),
    "organisations": ("directory:organisation_list", lambda c: c["filters"].qs),
    "introductions": ("brokering:my_introductions", lambda c: c["filters"].qs),
    "partnerships": ("brokering:partnership_list", lambda c: c["filters"].qs),
    "disbursements": ("funding:disbursement_list", lambda c: c["filters"].qs),
    "ideas": ("workinggroups:idea_list", lambda c: c["filters"].qs),
    "outcome-observations": ("outcomes:observation_list", lambda c: c["filters"].qs),
}


def _all(caller, url) -> set[str]:
    uids, page = set(), 1
    while True:
        answer = caller.get(url, page=page).json()
        uids |= {row["uid"] for row in answer["results"]}
        if not answer["next"]:
            return uids
        page += 1


def test_each_list_holds_the_rows_its_page_shows(world, monkeypatch):
    monkeypatch.setattr(UserRateThrottle, "THROTTLE_RATES", {"user": "100000/hour"})
    compared, differ = 0, []
    for who, user in world.users.items():
        if user is None:
            continue
        page_client = Client()
        page_client.force_login(user)
        api = Caller(user)
        for kind, (page, records) in PAGES.items():
            page_answer = page_client.get(reverse(page, args=[world.alpha.slug]))
            url = reverse(f"api:{kind}-list", args=[world.alpha.slug])
            if page_answer.status_code != 200:
                continue
            shown = {str(r.uid) for r in records(page_answer.context)}
            listed = _all(api, url)
            compared += 1
            if shown != listed:
                differ.append(f"{who} {kind}: page {sorted(shown)} ≠ API {sorted(listed)}")
    assert not differ, "\n".join(differ)
    assert compared >= 20


def test_an_innovator_sees_only_their_own_needs(world):
    toolshed = world.org("Toolshed — Ltd")
    other = Organisation.objects.filter(programme=world.alpha).exclude(pk=toolshed.pk).first()
    need_create(
        actor=world.users[Role.TEAM], programme=world.alpha, innovator=other, type="funding"
    )
    url = reverse("api:needs-list", args=[world.alpha.slug])
    own = Caller(world.users[Role.INNOVATOR]).get(url).json()["results"]
    assert own and {row["innovator"] for row in own} == {toolshed.pk}
    everyone = Caller(world.users[Role.TEAM]).get(url).json()["results"]
    assert len(everyone) == Need.objects.filter(programme=world.alpha).count() > len(own)


def test_lists_are_paginated_and_filtered_as_the_page(world):
    team = Caller(world.users[Role.TEAM])
    url = reverse("api:organisations-list", args=[world.alpha.slug])
    first = team.get(url, page_size=2).json()
    assert len(first["results"]) == 2 and first["count"] > 2 and first["next"]
    # The page's own search and kind filters (directory.queries.organisation_list).
    found = team.get(url, q="toolshed").json()["results"]
    assert [row["name"] for row in found] == ["Toolshed — Ltd"]
    charities = team.get(url, kind="charity").json()["results"]
    assert charities and {row["kind"] for row in charities} == {"charity"}
    assert team.get(url, kind="castle").status_code == 400
    assert team.get(url, q="a\x00b").status_code == 400
    awards = reverse("api:funding-awards-list", args=[world.alpha.slug])
    grants = team.get(awards, instrument="grant").json()["results"]
    assert {row["instrument"] for row in grants} <= {"grant"}
    assert team.get(awards, award_date__gte="not a date").status_code == 400
