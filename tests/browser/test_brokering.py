"""Brokering as people do it: the team runs a round, reviews and sends it; the partner and
the innovator accept; the team confirms the partnership and it shows on the dashboard.
axe-core checks every page on the way. Builds only a small programme (not the whole demo).
"""

import re
from datetime import date, timedelta

import pytest

from partnerbase.accounts.models import Role
from partnerbase.accounts.services import membership_grant, user_create
from partnerbase.brokering.models import BrokeringRound, Introduction
from partnerbase.brokering.stages import Stage
from partnerbase.brokering.tests.conftest import build_world

pytestmark = pytest.mark.browser

PEOPLE = {
    "team@example.org": (Role.TEAM, None),
    "partner@example.org": (Role.PARTNER_CONTACT, "gt"),
    "innovator@example.org": (Role.INNOVATOR, "money-ae"),
}


@pytest.fixture
def world(transactional_db):
    # Running until next year, so what the test does today falls in the programme's period.
    builder = user_create(email="builder@example.org", password=None)
    world = build_world(builder, slug="brk", ends_on=date.today() + timedelta(days=365))
    for email, (role, org) in PEOPLE.items():
        user = user_create(email=email, password="demo")
        membership_grant(
            actor=world.actor,
            user=user,
            programme=world.programme,
            role=role,
            organisation=world.orgs[org] if org else None,
        )
    return world


def answer(page, sign_in, axe_check, email, who):
    sign_in(page, email)
    page.goto("/programmes/brk/brokering/")
    with page.expect_navigation():
        page.locator("#main-content").get_by_role("link", name="Your introductions").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Your introductions"
    rows = page.locator("table[data-introductions='mine'] tbody tr")
    assert rows.count() == 1 and "Money A+E with Grant Thornton" in rows.inner_text()
    axe_check(page, f"my-introductions-{who}")
    with page.expect_navigation():
        rows.get_by_role("link", name=re.compile("Accept or decline")).click()
    # Declining without a reason is refused, with the GOV.UK error summary.
    page.get_by_label("No, decline it").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Send your answer").click()
    assert page.locator(".govuk-error-summary").is_visible()
    axe_check(page, f"answer-error-{who}")
    page.get_by_label("Yes, accept the introduction").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Send your answer").click()
    assert (
        "You accepted the introduction." in page.locator(".govuk-notification-banner").inner_text()
    )
    with page.expect_navigation():
        page.get_by_role("button", name="Sign out").click()


def test_a_round_from_run_to_a_confirmed_partnership_on_the_dashboard(
    page, page_problems, world, sign_in, axe_check
):
    sign_in(page, "team@example.org")
    page.goto("/programmes/brk/")
    with page.expect_navigation():
        page.get_by_role("link", name="Brokering: needs, offers and introductions").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Brokering"
    axe_check(page, "brokering-home")

    # Start a round with the default weights, and run it: progress, then proposals.
    with page.expect_navigation():
        page.get_by_role("button", name="Start a round").click()
    page.get_by_label("Name of the round").fill("Spring 2018")
    axe_check(page, "round-form")
    with page.expect_navigation():
        page.get_by_role("button", name="Create the round").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Spring 2018"
    with page.expect_navigation():
        page.get_by_role("button", name="Run the engine").click()
    proposed = page.locator("table[data-introductions='proposed'] tbody tr")
    proposed.first.wait_for()  # htmx polls the progress and reloads when the run ends
    assert proposed.count() == 4
    assert "Grant Thornton offers mentoring or expertise, which Money A+E needs" in (
        proposed.filter(has_text="Money A+E").inner_text()
    )
    axe_check(page, "round-proposals")

    # Review: remove one, then mark as reviewed and send.
    with page.expect_navigation():
        page.get_by_role("button", name="Remove Toolshed with Barclays").click()
    assert proposed.count() == 3
    with page.expect_navigation():
        page.get_by_role("button", name="Mark as reviewed").click()
    axe_check(page, "round-reviewed")
    with page.expect_navigation():
        page.get_by_role("button", name="Send the introductions").click()
    assert "3 introductions sent." in page.locator(".govuk-notification-banner").inner_text()
    assert page.locator("#round-status").inner_text() == "Sent"
    axe_check(page, "round-sent")
    with page.expect_navigation():
        page.get_by_role("button", name="Sign out").click()

    # The partner accepts, then the innovator.
    answer(page, sign_in, axe_check, "partner@example.org", "partner")
    answer(page, sign_in, axe_check, "innovator@example.org", "innovator")
    partnership = Introduction.objects.get(partner=world.orgs["gt"]).partnership
    partnership.refresh_from_db()
    assert partnership.stage == Stage.IN_DISCUSSION

    # The team confirms it with its value; it counts on the dashboard.
    sign_in(page, "team@example.org")
    page.goto(f"/programmes/brk/brokering/partnerships/{partnership.uid}/")
    page.get_by_label("Confirmed").check()
    today = date.today()
    for part, value in enumerate([today.day, today.month, today.year]):
        page.locator(f"#id_on_{part}").fill(str(value))
    page.get_by_label("Estimated value over the next 12 months").fill("18000")
    with page.expect_navigation():
        page.get_by_role("button", name="Move").click()
    assert page.locator("#partnership-stage").inner_text() == "Confirmed"
    axe_check(page, "partnership")
    page.goto("/programmes/brk/")
    assert page.locator("#conversion").inner_text() == (
        "3 introductions → 1 confirmed partnership (33%)"
    )
    assert page.locator("#figure-partnerships_confirmed").inner_text() == "1"
    axe_check(page, "dashboard")
    with page.expect_navigation():
        page.get_by_role("link", name="See the records behind the conversion").click()
    rows = page.locator("table[data-records='partnerships'] tbody tr")
    assert rows.count() == 3
    assert "Confirmed" in rows.filter(has_text="Money A+E and Grant Thornton").inner_text()
    axe_check(page, "conversion-records")
    assert BrokeringRound.objects.get().status == "sent"
    assert not page_problems, str(page_problems)


def test_the_team_sets_an_innovators_limits_and_the_run_keeps_them(
    page, page_problems, world, sign_in, axe_check
):
    round = world.round(name="Summer 2018")
    sign_in(page, "team@example.org")
    page.goto(f"/programmes/brk/brokering/rounds/{round.uid}/")
    with page.expect_navigation():
        page.get_by_role("link", name="Change the innovators’ limits").click()
    axe_check(page, "innovator-limits")
    # The fewest above the most: the error summary links to the input, and nothing is saved.
    page.get_by_label("Most introductions for Toolshed").fill("1")
    page.get_by_label("Fewest introductions for Toolshed").fill("2")
    with page.expect_navigation():
        page.get_by_role("button", name="Save the limits").click()
    summary = page.locator(".govuk-error-summary")
    assert "The fewest introductions for Toolshed cannot be more than the most (1)" in (
        summary.inner_text()
    )
    axe_check(page, "innovator-limits-error")
    summary.get_by_role("link").click()
    assert page.evaluate("document.activeElement.id") == (f"id_minimum_{world.orgs['toolshed'].pk}")
    assert not round.innovator_settings.exists()
    page.get_by_label("Fewest introductions for Toolshed").fill("1")
    with page.expect_navigation():
        page.get_by_role("button", name="Save the limits").click()
    limits = page.locator("table[data-innovator-limits] tbody tr").filter(has_text="Toolshed")
    assert limits.inner_text().split("\t")[2:] == ["1", "1", "This innovator"]
    with page.expect_navigation():
        page.get_by_role("button", name="Run the engine").click()
    proposed = page.locator("table[data-introductions='proposed'] tbody tr")
    proposed.first.wait_for()
    assert proposed.filter(has_text="Toolshed with").count() == 1  # two without the limit
    axe_check(page, "round-with-limits")
    assert not page_problems, str(page_problems)
