"""The partnership map in the browser: the team opens it from the dashboard, filters it by
challenge area, then opens a node's record with the keyboard and with the mouse. axe-core
checks the page as drawn."""

import pytest

from partnerbase.accounts.models import Role
from partnerbase.accounts.services import membership_grant, user_create
from partnerbase.network.tests.factories import Small
from tests.factories import Make, make_programme

pytestmark = pytest.mark.browser


def node_point(page, label: str) -> tuple[float, float]:
    """Where a node is drawn on the page now."""
    return page.evaluate(
        """(label) => {
            const map = document.getElementById('network-map');
            const node = map.cy.nodes().filter(n => n.data('label') === label);
            const at = node.renderedPosition(), box = map.getBoundingClientRect();
            return [box.left + at.x, box.top + at.y];
        }""",
        label,
    )


PASSWORD = "the team's passphrase"


@pytest.fixture
def world(transactional_db):
    tess = user_create(email="tess@example.org", password=PASSWORD, full_name="Tess Team")
    make = Make(tess, make_programme(tess, name="Inclusive Economy", slug="iep"))
    membership_grant(actor=tess, user=tess, programme=make.programme, role=Role.TEAM)
    return Small(make)


def drawn(page):
    page.wait_for_selector("#network-map[data-ready='true']")


def node_names(page) -> list[str]:
    return page.evaluate(
        "() => document.getElementById('network-map').cy.nodes().map(n => n.data('label'))"
    )


def test_open_filter_and_open_a_node(page, page_problems, world, sign_in, axe_check):
    sign_in(page, "tess@example.org", PASSWORD)
    page.goto("/programmes/iep/")
    with page.expect_navigation():
        page.get_by_role("link", name="Partnership map: who works with whom").click()
    assert page.get_by_role("heading", name="Partnership map", level=1).is_visible()
    drawn(page)
    assert sorted(node_names(page)) == sorted(
        ["Toolshed", "Acorn", "Zed", "Barclays", "DWP", "Nesta", world.pilot.name]
    )
    axe_check(page, "network-map")

    page.get_by_label("Challenge area").select_option(label="Financial inclusion")
    with page.expect_navigation():
        page.get_by_role("button", name="Show the map").click()
    drawn(page)
    assert sorted(node_names(page)) == ["Barclays", "Nesta", "Toolshed", "Zed"]
    assert "Zed" in page.locator("[data-alone]").inner_text()
    assert page.locator("[data-map-table] tbody tr").count() == 4
    axe_check(page, "network-map-filtered")

    # Keyboard: focus the list of nodes, choose one by typing, tab to its record and open it.
    page.locator("#map-node").focus()
    page.keyboard.type("Toolshed")
    selected = page.locator("[data-map-selected]")
    assert "Open the record of Toolshed" in selected.inner_text()
    assert (
        page.evaluate(
            "() => document.getElementById('network-map').cy.$('node.picked').data('label')"
        )
        == "Toolshed"
    )
    axe_check(page, "network-map-node-chosen")
    page.keyboard.press("Tab")
    focused = page.evaluate("() => document.activeElement.textContent")
    assert focused == "Open the record of Toolshed"
    with page.expect_navigation(timeout=60_000):
        page.keyboard.press("Enter")
    assert page.get_by_role("heading", name="Toolshed", level=1).is_visible()

    # Mouse: a double click on a node opens its record.
    page.go_back()
    drawn(page)
    page.locator("#network-map").scroll_into_view_if_needed()
    # Cytoscape.js notes where its canvas is on the page a moment after a scroll.
    page.wait_for_timeout(500)
    x, y = node_point(page, "Barclays")
    page.mouse.move(x, y)
    page.mouse.click(x, y)
    assert "Open the record of Barclays" in page.locator("[data-map-selected]").inner_text()
    # Choosing a node glides the map to centre it: double-click where it has come to rest.
    page.wait_for_function("() => !document.getElementById('network-map').cy.animated()")
    x, y = node_point(page, "Barclays")
    with page.expect_navigation(timeout=60_000):
        page.mouse.dblclick(x, y)
    assert page.get_by_role("heading", name="Barclays", level=1).is_visible()
    assert not page_problems, page_problems
