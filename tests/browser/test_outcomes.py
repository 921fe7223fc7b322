"""An innovator records an outcome; the team verifies it; the cohort's before and after."""

import pytest

from partnerbase.directory.models import Organisation
from partnerbase.outcomes.models import OutcomeObservation

pytestmark = pytest.mark.browser


def test_an_innovator_records_an_outcome_and_the_team_verifies_it(
    page, page_problems, iep, sign_in, axe_check
):
    toolshed = Organisation.objects.get(programme=iep, name="Toolshed")
    own = f"/programmes/{iep.slug}/outcomes/innovators/{toolshed.uid}/"
    sign_in(page, "innovator@example.org")
    page.goto(own)
    assert page.get_by_role("heading", level=1).inner_text() == "Outcomes"
    participants = page.locator(
        "section", has=page.get_by_role("heading", name="Participants served")
    )
    assert "Trebled (120 to 360 participants)" in participants.inner_text()
    axe_check(page, "outcomes-innovator")

    with page.expect_navigation():
        participants.get_by_role("link", name="Record a value of Participants served").click()
    # Bad input: a negative count. The error summary names it and nothing is saved.
    before = OutcomeObservation.objects.count()
    page.get_by_label("Day").fill("1")
    page.get_by_label("Month").fill("12")
    page.get_by_label("Year").fill("2018")
    page.get_by_label("Value").fill("-5")
    with page.expect_navigation():
        page.get_by_role("button", name="Record value").click()
    summary = page.locator(".govuk-error-summary")
    assert "The value cannot be negative." in summary.inner_text()
    assert OutcomeObservation.objects.count() == before
    axe_check(page, "outcomes-record-error")

    page.get_by_label("Value").fill("420")
    page.get_by_role("textbox", name="Evidence (optional)", exact=True).fill(
        "Our December register"
    )
    with page.expect_navigation():
        page.get_by_role("button", name="Record value").click()
    page.wait_for_url(f"**{own}")
    participants = page.locator(
        "section", has=page.get_by_role("heading", name="Participants served")
    )
    assert "Rose by 250% (120 to 420 participants) — estimate" in participants.inner_text()
    saved = OutcomeObservation.objects.get(value=420)
    assert saved.quality == "estimate"

    # The team sees it in the cohort and verifies it.
    page.context.clear_cookies()
    sign_in(page, "team@example.org")
    page.goto(f"/programmes/{iep.slug}/outcomes/")
    row = page.locator("table[data-kind='participants_served'] tbody tr", has_text="Toolshed")
    assert "420 participants" in row.inner_text()
    axe_check(page, "outcomes-cohort")
    with page.expect_navigation():
        row.get_by_role("link", name="Toolshed").click()
    with page.expect_navigation():
        page.get_by_role("link", name="Verify the value of 1 Dec 2018").click()
    page.get_by_role("textbox", name="Evidence", exact=True).fill("Checked against the register")
    with page.expect_navigation():
        page.get_by_role("button", name="Mark as verified").click()
    page.wait_for_url(f"**{own}")
    saved.refresh_from_db()
    assert saved.quality == "verified" and saved.evidence == "Checked against the register"
    assert not page_problems, page_problems
