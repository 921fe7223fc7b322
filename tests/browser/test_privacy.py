"""Personal data in the browser: the team finds a person, reads what is held, erases their
details after confirming, and sees who is due under retention. axe-core checks each page."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.utils import timezone

from partnerbase.accelerator.models import Decision, SelectionDecision
from partnerbase.accelerator.services.cohorts import accelerator_create
from partnerbase.accounts.models import Role, User
from partnerbase.accounts.services import membership_grant, user_create
from partnerbase.calls.models import Applicant, Application, ApplicationStatus
from partnerbase.calls.services.setup import call_create
from partnerbase.core.history import record_save
from partnerbase.directory.services import person_create
from tests.factories import Make, make_programme

pytestmark = pytest.mark.browser

TEAM_PASSWORD = "the team's passphrase"


@pytest.fixture
def world(transactional_db):
    tess = user_create(email="tess@example.org", password=TEAM_PASSWORD, full_name="Tess Team")
    make = Make(tess, make_programme(tess, name="Inclusive Economy", slug="iep"))
    membership_grant(actor=tess, user=tess, programme=make.programme, role=Role.TEAM)
    toolshed = make.org("Toolshed")
    person_create(
        actor=tess,
        programme=make.programme,
        name="Petra Quinlan",
        organisation=toolshed,
        email="petra@example.org",
        phone="07700 900123",
    )
    # An applicant declined over a year ago.
    accelerator = accelerator_create(
        actor=tess, programme=make.programme, name="Accelerator", starts_on=date(2017, 1, 1)
    )
    call = call_create(
        actor=tess,
        accelerator=accelerator,
        title="Call",
        slug="call",
        opens_at=datetime(2017, 1, 1, tzinfo=UTC),
        closes_at=datetime(2017, 2, 1, tzinfo=UTC),
    )
    declined = make.org("Declined Ltd")
    olive = user_create(email="olive@example.org", password=None, full_name="Olive Oldfield")
    record_save(Applicant(programme=make.programme, user=olive, organisation=declined), actor=olive)
    application = record_save(
        Application(
            call=call,
            organisation=declined,
            status=ApplicationStatus.SUBMITTED,
            submitted_at=datetime(2017, 1, 20, tzinfo=UTC),
        ),
        actor=olive,
    )
    record_save(
        SelectionDecision(
            application=application,
            decision=Decision.DECLINED,
            reason="No",
            decided_by=tess,
            decided_at=timezone.now() - timedelta(days=400),
        ),
        actor=tess,
    )
    return make


def test_the_team_reads_and_erases_a_persons_data(page, page_problems, world, sign_in, axe_check):
    sign_in(page, "tess@example.org", TEAM_PASSWORD)
    with page.expect_navigation():
        page.get_by_role("link", name="People and access").click()
    with page.expect_navigation():
        page.get_by_role("link", name="Personal data").click()
    assert page.get_by_role("heading", name="Personal data", level=1).is_visible()
    axe_check(page, "personal-data")

    with page.expect_navigation():
        page.get_by_role("button", name="Find").click()
    assert "Enter the person" in page.locator(".govuk-error-summary").inner_text()
    axe_check(page, "personal-data-errors")

    page.get_by_label("Email address").fill("petra@example.org")
    with page.expect_navigation():
        page.get_by_role("button", name="Find").click()
    assert page.get_by_role("heading", name="Held about petra@example.org").is_visible()
    assert "07700 900123" in page.locator("main").inner_text()
    axe_check(page, "personal-data-person")

    with page.expect_navigation():
        page.get_by_role("button", name="Erase this person's details").click()
    axe_check(page, "personal-data-erase")
    with page.expect_navigation():
        page.get_by_role("button", name="Erase", exact=True).click()
    assert "Say why the data is erased" in page.locator(".govuk-error-summary").inner_text()
    axe_check(page, "personal-data-erase-errors")
    page.get_by_label("Why is the data erased?").fill("Erasure request received 3 May")
    page.get_by_label("I understand").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Erase", exact=True).click()
    assert "Erased person" in page.locator(".govuk-notification-banner").inner_text()
    assert "Erasure request received 3 May" in page.locator("[data-actions]").inner_text()
    axe_check(page, "personal-data-log")

    with page.expect_navigation():
        page.get_by_role("link", name="1 applicant due to be erased").click()
    assert "olive@example.org" in page.locator("[data-due]").inner_text()
    axe_check(page, "personal-data-retention")
    with page.expect_navigation():
        page.get_by_role("button", name="Erase the details of 1 applicant").click()
    assert "No one is due" in page.locator("main").inner_text()
    assert not User.objects.get(full_name__startswith="Erased person").is_active
    assert not page_problems, str(page_problems)
