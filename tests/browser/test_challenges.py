"""Choosing challenge areas in Chromium, with axe-core on every page: the team sets up a
ranked vote and opens it, a champion's bad ballot shows the GOV.UK error summary and saves
nothing, the champion votes, and the team closes the vote and sees its result with the
method named. Fixtures are in tests/conftest.py."""

from datetime import date, timedelta

import pytest

from partnerbase.challenges.models import Ballot, ChallengeVote

pytestmark = pytest.mark.browser

CANDIDATES = ["Affordable housing", "Digital inclusion", "Loneliness in later life"]


def fill_date(page, name, day):
    for n, part in enumerate((day.day, day.month, day.year)):
        page.locator(f"#id_{name}_{n}").fill(str(part))


def test_a_vote_is_run_and_its_result_shown(page, page_problems, iep, sign_in, axe_check):
    sign_in(page, "team@example.org")
    page.goto(f"/programmes/{iep.slug}/")
    with page.expect_navigation():
        page.get_by_role("link", name="Challenge areas: proposals and votes").click()
    page.wait_for_url("**/challenges/")
    assert page.locator("ul[data-areas] li").count() == 3
    axe_check(page, "challenge-areas")
    with page.expect_navigation():
        page.get_by_role("link", name="Votes", exact=True).click()
    page.wait_for_url("**/challenges/votes/")
    axe_check(page, "votes")

    with page.expect_navigation():
        page.get_by_role("button", name="Set up a vote").click()
    page.wait_for_url("**/votes/add/")
    page.get_by_label("Title").fill("Choosing a fourth area")
    page.get_by_label("The board").check()
    page.get_by_label("Ranked ballot (Schulze method)").check()
    page.get_by_label("How many challenge areas to choose").fill("1")
    fill_date(page, "opens_on", date.today())
    fill_date(page, "closes_on", date.today() + timedelta(days=14))
    for title in CANDIDATES:
        page.get_by_label(title, exact=False).check()
    with page.expect_navigation():
        page.get_by_role("button", name="Set up the vote").click()
    page.wait_for_url("**/votes/*/")
    vote = ChallengeVote.objects.get(title="Choosing a fourth area")
    assert vote.proposals.count() == 3
    axe_check(page, "vote-draft")

    with page.expect_navigation():
        page.get_by_role("button", name="Open the vote").click()
    page.wait_for_url("**/open/")
    axe_check(page, "vote-open-confirm")
    with page.expect_navigation():
        page.get_by_role("button", name="Open the vote").click()
    page.wait_for_url(f"**/votes/{vote.uid}/")
    assert page.locator("[data-status]").inner_text() == "Open"
    assert page.locator("ul[data-roll] li").count() == 14  # the board's organisations

    # A champion votes for their organisation; a bad ballot first.
    page.context.clear_cookies()
    sign_in(page, "champion@example.org")
    page.goto(f"/programmes/{iep.slug}/challenges/votes/{vote.uid}/")
    with page.expect_navigation():
        page.get_by_role("button", name="Vote for Grant Thornton UK").click()
    page.wait_for_url("**/ballot/**")
    axe_check(page, "ballot")
    page.get_by_label("Affordable housing").select_option("1")
    page.get_by_label("Digital inclusion").select_option("1")
    with page.expect_navigation():
        page.get_by_role("button", name="Cast the ballot").click()
    assert page.title().startswith("Error: ")
    summary = page.locator(".govuk-error-summary")
    assert "Give rank 1 to only one challenge area" in summary.inner_text()
    assert not Ballot.objects.filter(vote=vote).exists()
    axe_check(page, "ballot-errors")

    page.get_by_label("Digital inclusion").select_option("2")
    page.get_by_label("Loneliness in later life").select_option("3")
    with page.expect_navigation():
        page.get_by_role("button", name="Cast the ballot").click()
    page.wait_for_url(f"**/votes/{vote.uid}/")
    assert "Ballot cast for Grant Thornton UK." in page.inner_text("body")
    ballot = Ballot.objects.get(vote=vote)
    assert ballot.organisation.name == "Grant Thornton UK"
    assert len(ballot.choices) == 3
    axe_check(page, "vote-after-ballot")

    # The team closes the vote; the result names and explains the method.
    page.context.clear_cookies()
    sign_in(page, "team@example.org")
    page.goto(f"/programmes/{iep.slug}/challenges/votes/{vote.uid}/")
    with page.expect_navigation():
        page.get_by_role("button", name="Close and count").click()
    page.wait_for_url("**/close/")
    with page.expect_navigation():
        page.get_by_role("button", name="Close and count").click()
    page.wait_for_url(f"**/votes/{vote.uid}/results/")
    assert "Counted by the Schulze method" in page.locator("[data-method]").inner_text()
    assert page.locator("ol[data-winners] li").all_inner_texts() == ["Affordable housing"]
    assert page.locator("table[data-pairwise]").count() == 1
    axe_check(page, "results")
    assert not page_problems, str(page_problems)
