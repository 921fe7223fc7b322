"""The map's page, JSON and SVG: who may open them, and what they answer."""

from xml.etree import ElementTree

import pytest
from django.urls import reverse

from partnerbase.accounts.models import Role
from tests.factories import make_programme

ALLOWED = {Role.TEAM, Role.CHAMPION, Role.ACCELERATOR_MANAGER}
NAMES = ("network:map", "network:map_json", "network:map_svg")


@pytest.mark.parametrize("role", list(Role))
def test_only_roles_that_see_the_figures_see_the_map(small, client, role):
    client.force_login(small.user(role))
    for name in NAMES:
        response = client.get(reverse(name, args=["iep"]))
        assert response.status_code == (200 if role in ALLOWED else 403), (name, role)


def test_another_programmes_team_gets_not_found(small, client):
    outsider = small.make.user()
    make_programme(outsider, slug="other")
    client.force_login(small.make.user())
    for name in NAMES:
        assert client.get(reverse(name, args=["iep"])).status_code == 404


def test_the_page_shows_the_measures_and_the_table(small, client):
    client.force_login(small.team)
    response = client.get(reverse("network:map", args=["iep"]))
    html = response.content.decode()
    assert "Partnership map" in html
    assert 'data-src="/programmes/iep/map/data.json?' in html
    most = html.split("data-most-connected")[1].split("</ol>")[0]
    assert "Barclays" in most and "Nesta" in most
    alone = html.split("data-alone>")[1].split("</ul>")[0]
    assert "Acorn" in alone and "Zed" in alone and "Toolshed" not in alone
    table = html.split("data-map-table")[1]
    toolshed = reverse("directory:organisation_detail", args=["iep", small.toolshed.uid])
    assert f'href="{toolshed}"' in table
    assert "Partnership</a> (confirmed) with Barclays" in table


def test_filters_are_a_get_form_and_errors_are_shown_by_the_field(small, client):
    client.force_login(small.team)
    url = reverse("network:map", args=["iep"])
    response = client.get(url, {"sector": "public", "show": ["partnership", "coalition"]})
    table = response.content.decode().split("data-map-table")[1]
    assert "DWP" in table and "Barclays" not in table
    response = client.get(url, {"start_0": "31", "start_1": "2", "start_2": "2018"})
    html = response.content.decode()
    assert "govuk-error-summary" in html and "The start date must be a real date" in html
    response = client.get(url, {"sector": "nowhere"})
    assert "Select a valid choice" in response.content.decode()


def test_the_json_has_positions_and_follows_the_filters(small, client):
    client.force_login(small.team)
    url = reverse("network:map_json", args=["iep"])
    data = client.get(url).json()
    assert {n["label"] for n in data["nodes"]} >= {"Toolshed", "Barclays", "Nesta", "Zed"}
    for node in data["nodes"]:
        assert 0 <= node["x"] <= data["width"] and 0 <= node["y"] <= data["height"]
    toolshed = next(n for n in data["nodes"] if n["label"] == "Toolshed")
    assert toolshed["url"].endswith(f"/organisations/{small.toolshed.uid}/")
    assert toolshed["ties"] == 2
    money = client.get(url, {"challenge_area": small.money.pk}).json()
    assert {e["kind"] for e in money["edges"]} == {"partnership", "funding"}
    assert client.get(url).json() == data  # laid out the same way again


def test_the_svg_is_an_accessible_image(small, client):
    client.force_login(small.team)
    response = client.get(reverse("network:map_svg", args=["iep"]))
    assert response["Content-Type"].startswith("image/svg+xml")
    root = ElementTree.fromstring(response.content)
    assert root.find("{http://www.w3.org/2000/svg}title").text.startswith("Partnership map")
    assert "Barclays" in response.content.decode()


def test_the_dashboard_and_the_navigation_link_to_the_map(small, client):
    client.force_login(small.team)
    url = reverse("network:map", args=["iep"])
    for page in (reverse("reports:dashboard", args=["iep"]), reverse("home")):
        assert f'href="{url}"' in client.get(page).content.decode()
