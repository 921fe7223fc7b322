"""People and access in the browser: the team invites someone from the people page, the
newcomer opens the emailed link, sets a password and is signed in with the role. axe-core
checks every page on the way."""

import re

import pytest
from django.core import mail

from partnerbase.accounts.models import Role
from partnerbase.accounts.services import membership_grant, user_create
from tests.factories import Make, make_programme

pytestmark = pytest.mark.browser

TEAM_PASSWORD = "the team's passphrase"


@pytest.fixture
def world(transactional_db):
    tess = user_create(email="tess@example.org", password=TEAM_PASSWORD, full_name="Tess Team")
    make = Make(tess, make_programme(tess, name="Inclusive Economy", slug="iep"))
    membership_grant(actor=tess, user=tess, programme=make.programme, role=Role.TEAM)
    make.org("Toolshed")
    return make


def test_the_team_invites_and_the_newcomer_sets_a_password(
    browser, live_server, page, page_problems, world, sign_in, axe_check
):
    sign_in(page, "tess@example.org", TEAM_PASSWORD)
    with page.expect_navigation():
        page.get_by_role("link", name="People and access").click()
    assert page.get_by_role("heading", name="People and access", level=1).is_visible()
    axe_check(page, "people")

    with page.expect_navigation():
        page.get_by_role("button", name="Invite someone").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Send the invitation").click()
    assert page.locator(".govuk-error-summary").is_visible()
    assert "Select at least one role" in page.locator(".govuk-error-summary").inner_text()
    axe_check(page, "invite-errors")

    page.get_by_label("Email address").fill("ivy@example.org")
    page.get_by_label("Full name").fill("Ivy Ng")
    page.get_by_label("Innovator").check()
    page.get_by_label("Organisation they act for").select_option(label="Toolshed")
    with page.expect_navigation():
        page.get_by_role("button", name="Send the invitation").click()
    assert (
        "Invitation sent to ivy@example.org"
        in page.locator(".govuk-notification-banner").inner_text()
    )
    row = page.locator("tr[data-invitation='ivy@example.org']")
    assert "Innovator for Toolshed" in row.inner_text()
    axe_check(page, "people-with-invitation")

    [email] = mail.outbox
    link = re.search(r"https?://\S+", email.body).group(0)
    assert link.startswith(live_server.url)

    context = browser.new_context(base_url=live_server.url)
    newcomer = context.new_page()
    newcomer.goto(link)
    assert newcomer.get_by_role("heading", name="Set up your account").is_visible()
    assert newcomer.get_by_label("Full name").input_value() == "Ivy Ng"
    axe_check(newcomer, "invitation")
    newcomer.get_by_label("Create a password").fill("short")
    newcomer.get_by_label("Confirm your password").fill("short")
    with newcomer.expect_navigation():
        newcomer.get_by_role("button", name="Create the account and sign in").click()
    assert "too short" in newcomer.locator(".govuk-error-summary").inner_text()
    axe_check(newcomer, "invitation-errors")

    newcomer.get_by_label("Create a password").fill("a long enough passphrase")
    newcomer.get_by_label("Confirm your password").fill("a long enough passphrase")
    with newcomer.expect_navigation():
        newcomer.get_by_role("button", name="Create the account and sign in").click()
    banner = newcomer.locator(".govuk-notification-banner").inner_text()
    assert "You have joined Inclusive Economy as Innovator for Toolshed" in banner
    with newcomer.expect_navigation():
        newcomer.get_by_role("link", name="Your account").click()
    assert "Innovator for Toolshed" in newcomer.locator("[data-programme='iep']").inner_text()
    axe_check(newcomer, "account")

    newcomer.goto(link)
    assert newcomer.get_by_role(
        "heading", name="This invitation has already been used"
    ).is_visible()
    context.close()
    assert not page_problems, page_problems
