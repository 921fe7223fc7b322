"""Champion targeting as the convening team uses it: headless Chromium against the live
server, axe-core on every page. Fixtures (`page`, `axe_check`, `iep`, `sign_in`) are in
tests/conftest.py.
"""

import pytest
from playwright.sync_api import expect

from partnerbase.board.models import Champion
from partnerbase.champions.models import Criterion, Prospect
from partnerbase.champions.queries import criteria_of, ranked_prospects

pytestmark = pytest.mark.browser


def shown_order(page) -> list[str]:
    return page.locator("table[data-ranking] tbody tr").evaluate_all(
        "rows => rows.map(r => r.dataset.prospect)"
    )


def ranked_now(programme) -> list[str]:
    return [str(r.prospect.uid) for r in ranked_prospects(programme, criteria_of(programme))]


def test_the_team_re_ranks_prospects_and_commits_one_to_the_board(
    page, page_problems, iep, sign_in, axe_check
):
    sign_in(page, "team@example.org")
    page.goto("/programmes/iep/")
    with page.expect_navigation():
        page.get_by_role("link", name="Champion prospects").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Champion prospects"
    before = shown_order(page)
    assert before == ranked_now(iep) and len(before) > 20
    axe_check(page, "prospects")

    # Weigh nothing but national reach: htmx swaps in the re-ranked list, no new page.
    url = page.url
    agenda = Criterion.objects.get(programme=iep, name="Responsible-business agenda")
    page.get_by_label("Responsible-business agenda").fill("0")
    page.get_by_label("Employee base").fill("0")
    page.get_by_role("button", name="Save weights and re-rank").click()
    expect(page.locator("[data-updated]")).to_have_text(
        "Weights saved; the list has been re-ranked."
    )
    # Each weight saves as it changes, so the first swap's message can show before the
    # last swap lands: wait (up to 15 s) until the list shown is the one saved.
    for _ in range(150):
        after = shown_order(page)
        if after == ranked_now(iep):
            break
        page.wait_for_timeout(100)
    assert page.url == url
    agenda.refresh_from_db()
    assert agenda.weight == 0
    assert after == ranked_now(iep)
    assert after != before and sorted(after) == sorted(before)
    axe_check(page, "prospects-re-ranked")

    # A prospect who has been met: WhatsApp's chief executive.
    with page.expect_navigation():
        page.get_by_role("link", name="Met (3)").click()
    with page.expect_navigation():
        page.get_by_role("link", name="WhatsApp", exact=True).click()
    prospect = Prospect.objects.get(programme=iep, organisation__name="WhatsApp")
    assert page.locator("#stage").inner_text().startswith("Met")
    axe_check(page, "prospect")

    # A date that does not exist: the error summary, and nothing saved.
    page.fill("#id_term_starts_on_0", "31")
    page.fill("#id_term_starts_on_1", "2")
    page.fill("#id_term_starts_on_2", "2018")
    with page.expect_navigation():
        page.get_by_role("button", name="Commit to the board").click()
    summary = page.locator(".govuk-error-summary")
    assert "There is a problem" in summary.inner_text()
    assert "Term starts on must be a real date" in summary.inner_text()
    assert page.title().startswith("Error: ")
    prospect.refresh_from_db()
    assert prospect.stage == "met" and prospect.champion is None
    assert not Champion.objects.filter(person=prospect.person).exists()
    axe_check(page, "commit-error")

    # Then a real one: committed and seated in one step.
    page.fill("#id_term_starts_on_0", "1")
    page.fill("#id_term_starts_on_1", "3")
    with page.expect_navigation():
        page.get_by_role("button", name="Commit to the board").click()
    assert "now has a seat on the board" in page.inner_text("main")
    assert page.locator("#board-seat").inner_text() == "Member from 1 March 2018"
    prospect.refresh_from_db()
    assert prospect.stage == "committed"
    assert prospect.champion.person == prospect.person
    assert prospect.champion.organisation.name == "WhatsApp"
    assert "moved from met to committed" in page.locator("[data-timeline]").inner_text()
    axe_check(page, "prospect-committed")

    assert not page_problems, str(page_problems)
