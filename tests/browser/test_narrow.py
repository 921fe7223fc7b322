"""On a phone (390 px wide) no page scrolls sideways: wide tables scroll inside themselves.

The convening team opens every list of the IEP demo at that width; the page's own width
must stay the window's. Fixtures (`page`, `iep`, `sign_in`) are in tests/conftest.py.
"""

import pytest

pytestmark = pytest.mark.browser

WIDTH = 390
PAGES = [
    "/",
    "/programmes/iep/",
    "/programmes/iep/figures/additional_funding/",
    "/programmes/iep/figures/organisations_engaged/",
    "/programmes/iep/brokering/",
    "/programmes/iep/brokering/partnerships/",
    "/programmes/iep/brokering/offers/",
    "/programmes/iep/brokering/needs/",
    "/programmes/iep/funding/",
    "/programmes/iep/funding/rates/",
    "/programmes/iep/organisations/",
    "/programmes/iep/pledges/",
    "/programmes/iep/board/",
    "/programmes/iep/accelerator/",
    "/programmes/iep/calls/",
    "/programmes/iep/assessment/",
    "/programmes/iep/projects/",
    "/programmes/iep/projects/competitions/",
    "/programmes/iep/champions/",
    "/programmes/iep/challenges/",
    "/programmes/iep/working-groups/",
    "/programmes/iep/outcomes/",
    "/programmes/iep/open-data/",
    "/public/iep/",
]


def test_no_page_scrolls_sideways_on_a_phone(page, iep, sign_in):
    page.set_viewport_size({"width": WIDTH, "height": 844})
    sign_in(page, "team@example.org")
    too_wide = {}
    for path in PAGES:
        response = page.goto(path)
        page.wait_for_load_state("load")
        assert response.status == 200, path
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > WIDTH:
            too_wide[path] = width
    assert not too_wide, f"pages wider than {WIDTH} px: {too_wide}"
