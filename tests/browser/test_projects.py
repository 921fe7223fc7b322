"""Projects and competitions as people use them: headless Chromium against the live server,
axe-core on every page. Fixtures (`page`, `axe_check`, `iep`, `sign_in`) are in tests/conftest.py.
"""

from decimal import Decimal

import pytest

from partnerbase.funding.models import FundingAward
from partnerbase.projects.models import Competition, CompetitionEntry, JudgeAssignment

pytestmark = pytest.mark.browser


def sign_out(page):
    with page.expect_navigation():
        page.get_by_role("button", name="Sign out").click()


def test_a_competition_from_entry_to_award(page, page_problems, iep, sign_in, axe_check):
    sign_in(page, "team@example.org")
    page.goto("/programmes/iep/")
    with page.expect_navigation():
        page.get_by_role("link", name="Competitions").click()
    axe_check(page, "competitions")
    with page.expect_navigation():
        page.get_by_role("link", name="Open Banking for Good").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Open Banking for Good"
    assert page.locator("#prize-fund").inner_text() == "£3 million ($3.95 million)"
    competition_url = page.url
    axe_check(page, "competition")

    # The team records an entry for an organisation; a wrong date first.
    with page.expect_navigation():
        page.get_by_role("button", name="Record an entry").click()
    page.select_option("#id_organisation", label="Oakfield Credit Union")
    page.fill("#id_title", "Savings round-ups")
    page.fill("#id_entered_on_0", "31")
    page.fill("#id_entered_on_1", "2")
    page.fill("#id_entered_on_2", "2018")
    with page.expect_navigation():
        page.get_by_role("button", name="Record entry").click()
    assert "There is a problem" in page.locator(".govuk-error-summary").inner_text()
    assert not CompetitionEntry.objects.filter(title="Savings round-ups").exists()
    axe_check(page, "entry-error")
    page.fill("#id_entered_on_0", "3")
    page.fill("#id_entered_on_1", "9")
    with page.expect_navigation():
        page.get_by_role("button", name="Record entry").click()
    assert "Entry from Oakfield Credit Union recorded." in page.inner_text("main")

    # Its judge: the assessor, who already judges the competition, is given this entry too.
    with page.expect_navigation():
        page.get_by_role("button", name="Add a judge").click()
    axe_check(page, "judge-form")
    page.select_option("#id_user", label="Asha Assessor")
    page.get_by_label("Savings round-ups (Oakfield Credit Union)").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Save judge").click()
    assert "Asha Assessor judges the entries chosen." in page.inner_text("main")
    sign_out(page)

    # The judge sees and scores only the entries assigned to them.
    entry = CompetitionEntry.objects.get(title="Savings round-ups")
    judge = entry.competition.judges.get(user__email="assessor@example.org")
    sign_in(page, "assessor@example.org")
    page.goto(competition_url)
    judging = page.locator("table[data-judging]")
    assert "Savings round-ups" in judging.inner_text()
    assert page.locator("table[data-ranking]").count() == 0
    axe_check(page, "competition-as-judge")
    with page.expect_navigation():
        page.get_by_role("link", name="Score the entry “Savings round-ups”").click()
    fields = page.locator("input[name^=criterion_]")
    assert fields.count() == 4
    for i in range(4):
        fields.nth(i).fill("5")
    fields.nth(0).fill("9")  # out of range: 1 to 5
    with page.expect_navigation():
        page.get_by_role("button", name="Submit scores").click()
    assert "must be 5 or less" in page.locator(".govuk-error-summary").inner_text()
    axe_check(page, "score-error")
    fields.nth(0).fill("5")
    with page.expect_navigation():
        page.get_by_role("button", name="Submit scores").click()
    assert JudgeAssignment.objects.get(judge=judge, entry=entry).submitted_on is not None
    sign_out(page)

    # Full marks from its judge put it first; the team awards it a prize.
    sign_in(page, "team@example.org")
    page.goto(competition_url)
    first = page.locator("table[data-ranking] tbody tr").first
    assert "Oakfield Credit Union" in first.inner_text()
    with page.expect_navigation():
        page.get_by_role("link", name="Award a prize to Oakfield Credit Union").click()
    page.fill("#id_amount", "100000")
    page.fill("#id_award_date_0", "14")
    page.fill("#id_award_date_1", "3")
    page.fill("#id_award_date_2", "2019")
    axe_check(page, "award-form")
    with page.expect_navigation():
        page.get_by_role("button", name="Award prize").click()
    assert "Prize of £100,000 awarded to Oakfield Credit Union." in page.inner_text("main")
    assert "Oakfield Credit Union" in page.locator("table[data-awards]").inner_text()
    axe_check(page, "competition-awarded")

    prize = FundingAward.objects.get(recipient__name="Oakfield Credit Union", instrument="prize")
    assert (prize.funder.name, prize.amount) == (
        "Nationwide Building Society",
        Decimal("100000.00"),
    )
    assert not page_problems, str(page_problems)


def test_the_team_creates_a_competition_with_a_stage_and_a_criterion(
    page, page_problems, iep, sign_in, axe_check
):
    sign_in(page, "team@example.org")
    page.goto("/programmes/iep/projects/competitions/")
    with page.expect_navigation():
        page.get_by_role("button", name="Create a competition").click()
    axe_check(page, "competition-form")
    page.fill("#id_name", "Inclusive Payments Prize")
    page.select_option("#id_sponsor", label="Nationwide Building Society")
    page.fill("#id_prize_fund", "-5")
    page.fill("#id_launch_date_0", "1")
    page.fill("#id_launch_date_1", "10")
    page.fill("#id_launch_date_2", "2018")
    with page.expect_navigation():
        page.get_by_role("button", name="Create competition").click()
    assert "The prize fund must be more than 0" in page.locator("#id_prize_fund-error").inner_text()
    assert not Competition.objects.filter(name="Inclusive Payments Prize").exists()
    axe_check(page, "competition-form-error")
    page.fill("#id_prize_fund", "500000")
    with page.expect_navigation():
        page.get_by_role("button", name="Create competition").click()
    assert "Inclusive Payments Prize created." in page.inner_text("main")
    assert page.locator("#prize-fund").inner_text().startswith("£500,000")

    with page.expect_navigation():
        page.get_by_role("button", name="Add a stage").click()
    page.fill("#id_name", "Open call")
    for prefix, when in {"starts_on": "1 10 2018", "ends_on": "30 9 2018"}.items():
        for i, part in enumerate(when.split()):
            page.fill(f"#id_{prefix}_{i}", part)
    with page.expect_navigation():
        page.get_by_role("button", name="Add stage").click()
    assert "must be the same as or after" in page.locator("#id_ends_on-error").inner_text()
    axe_check(page, "stage-form-error")
    page.fill("#id_ends_on_1", "11")
    with page.expect_navigation():
        page.get_by_role("button", name="Add stage").click()
    assert "Open call: 1 October 2018 to 30 November 2018" in page.inner_text("main")

    with page.expect_navigation():
        page.get_by_role("button", name="Add a rubric criterion").click()
    axe_check(page, "criterion-form")
    page.fill("#id_name", "Reach")
    page.fill("#id_weight", "2")
    with page.expect_navigation():
        page.get_by_role("button", name="Add criterion").click()
    assert "Reach" in page.locator("table[data-rubric]").inner_text()
    axe_check(page, "competition-set-up")
    competition = Competition.objects.get(name="Inclusive Payments Prize")
    assert [c.weight for c in competition.criteria.all()] == [2]
    assert not page_problems, str(page_problems)


def test_a_project_page_and_recording_an_observation(page, page_problems, iep, sign_in, axe_check):
    sign_in(page, "team@example.org")
    page.goto("/programmes/iep/")
    with page.expect_navigation():
        page.get_by_role("link", name="Collaborative projects").click()
    assert page.locator("table[data-projects] tbody tr").count() == 5
    axe_check(page, "projects")
    with page.expect_navigation():
        page.get_by_role("link", name="West Midlands transition-to-work pilot").click()

    coalition = page.locator("table[data-coalition]").inner_text()
    named = ["O2", "Accenture", "Movement to Work", "UnLtd", "West Midlands Combined Authority"]
    for name in [*named, "Department for Work and Pensions"]:
        assert name in coalition
    assert page.locator("#money-in").inner_text() == "£400,000 ($526,680)"
    assert page.locator("#money-out").inner_text() == "£40,000 ($52,668)"
    assert "1 GBP = 1.3167 USD" in page.inner_text("main")
    outcomes = page.locator("table[data-outcomes]").inner_text()
    assert "112 people" in outcomes
    axe_check(page, "project")

    with page.expect_navigation():
        page.get_by_role("button", name="Record an observation").click()
    page.get_by_label("Young people into work").check()
    page.fill("#id_observed_on_0", "31")
    page.fill("#id_observed_on_1", "10")
    page.fill("#id_observed_on_2", "2018")
    page.fill("#id_value", "130")
    page.get_by_label("Verified").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Record observation").click()
    assert "Give the evidence" in page.locator(".govuk-error-summary").inner_text()
    axe_check(page, "observation-error")
    page.fill("#id_evidence", "WMCA monthly return, October 2018")
    with page.expect_navigation():
        page.get_by_role("button", name="Record observation").click()
    assert "130 people" in page.locator("table[data-outcomes]").inner_text()
    axe_check(page, "project-after")
    assert not page_problems, str(page_problems)
