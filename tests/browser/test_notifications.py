"""Notifications in the browser: a partner contact sees the header's count, reads their list,
marks one read, and turns a kind off; the team sees an email that failed and tries again.
axe-core checks every page."""

import pytest
from django.core import mail

from partnerbase.accounts.models import Role
from partnerbase.accounts.services import membership_grant, user_create
from partnerbase.notifications.models import EmailState, Kind, Notification, TurnedOff
from partnerbase.notifications.services import notification_send
from tests.factories import Make, make_programme

pytestmark = pytest.mark.browser

PASSWORD = "a partner's passphrase"


@pytest.fixture
def world(transactional_db):
    tess = user_create(email="tess@example.org", password=PASSWORD, full_name="Tess Team")
    make = Make(tess, make_programme(tess, name="Inclusive Economy", slug="iep"))
    membership_grant(actor=tess, user=tess, programme=make.programme, role=Role.TEAM)
    barclays = make.org("Barclays", kind="business")
    pat = user_create(email="pat@example.org", password=PASSWORD, full_name="Pat Partner")
    membership_grant(
        actor=tess,
        user=pat,
        programme=make.programme,
        role=Role.PARTNER_CONTACT,
        organisation=barclays,
    )
    for subject in ("Introduction: Barclays and Toolshed", "Due on 1 June 2018: Mentoring"):
        notification_send(
            actor=tess,
            programme=make.programme,
            kind=Kind.INTRODUCTION_SENT,
            users=[pat],
            subject=subject,
            body="The team suggests you meet.",
        )
    make.pat = pat
    return make


def test_a_person_reads_their_notifications_and_chooses_what_they_hear_about(
    page, world, sign_in, axe_check
):
    sign_in(page, "pat@example.org", PASSWORD)
    with page.expect_navigation():
        page.get_by_role("link", name="Notifications (2)").click()
    page.wait_for_selector("h1")
    assert page.get_by_role("heading", name="Your notifications", level=1).is_visible()
    assert page.locator("[data-unread]").count() == 2
    axe_check(page, "notifications")

    card = page.locator("[data-notification]", has_text="Introduction: Barclays and Toolshed")
    card.get_by_role("button", name="Mark as read").click()
    page.wait_for_selector("[data-notifications]")
    assert page.locator("[data-unread]").count() == 1
    assert page.get_by_role("link", name="Notifications (1)").is_visible()

    with page.expect_navigation():
        page.get_by_role("link", name="Choose what you are told about").click()
    page.wait_for_selector("h1")
    assert page.get_by_role("heading", name="Notification settings").is_visible()
    assert "Password reset" in page.locator("[data-always-on]").inner_text()
    axe_check(page, "notification-settings")
    page.get_by_label("Pledges due in 14 days").uncheck()
    with page.expect_navigation():
        page.get_by_role("button", name="Save settings").click()
    page.wait_for_selector(".govuk-notification-banner")
    assert "settings are saved" in page.locator(".govuk-notification-banner").inner_text()
    assert not page.get_by_label("Pledges due in 14 days").is_checked()
    assert list(TurnedOff.objects.values_list("kind", flat=True)) == [Kind.PLEDGE_DUE]
    axe_check(page, "notification-settings-saved")


def test_the_team_tries_a_failed_email_again(page, world, sign_in, axe_check):
    Notification.objects.update(email_state=EmailState.FAILED, last_error="Mail server down")
    mail.outbox.clear()
    sign_in(page, "tess@example.org", PASSWORD)
    page.goto("/programmes/iep/notifications/")
    page.wait_for_selector("h1")
    assert page.locator("[data-unsent='failed'] tbody tr").count() == 2
    assert "Mail server down" in page.locator("[data-unsent='failed']").inner_text()
    axe_check(page, "notifications-unsent")

    with page.expect_navigation():
        page.locator("[data-unsent='failed'] tbody tr").first.get_by_role("button").click()
    page.wait_for_selector(".govuk-notification-banner")
    assert "was sent" in page.locator(".govuk-notification-banner").inner_text()
    assert page.locator("[data-unsent='failed'] tbody tr").count() == 1
    assert [m.to for m in mail.outbox] == [["pat@example.org"]]
    axe_check(page, "notifications-unsent-after")
