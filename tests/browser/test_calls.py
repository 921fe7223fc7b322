"""An applicant finds the public call, creates an account for their organisation (confirmed
by the emailed link), saves a draft, comes back and submits; a submission with a required
answer missing shows the GOV.UK error summary and saves nothing. A manager reads the
application. axe-core on every page. Fixtures (`page`, `axe_check`, `sign_in`) are in
tests/conftest.py.
"""

import re
from datetime import UTC, date, datetime

import pytest
from django.core import mail

from partnerbase.accounts.models import Role, User
from partnerbase.accounts.services import membership_grant, user_create
from partnerbase.calls.models import Application, ApplicationStatus
from tests.factories import Make, make_programme
from tests.factories.calls import make_call

pytestmark = pytest.mark.browser
PASSWORD = "a long and unusual passphrase"


@pytest.fixture
def call(transactional_db):
    team = user_create(email="team@example.org", password=PASSWORD, full_name="Tess Team")
    programme = make_programme(
        team, name="Northern Partnership", slug="north", starts_on=date(2017, 1, 1)
    )
    membership_grant(actor=team, user=team, programme=programme, role=Role.TEAM)
    return make_call(Make(team, programme))


def sign_out(page):
    with page.expect_navigation():
        page.get_by_role("button", name="Sign out").click()


def test_an_applicant_drafts_comes_back_and_submits(page, page_problems, call, sign_in, axe_check):
    q = call.q
    page.goto(f"/public/north/calls/{call.slug}/")
    assert page.get_by_role("heading", level=1).inner_text() == call.title
    assert "Describe your idea" in page.inner_text("main")
    axe_check(page, "public-call")

    # Create an account for the organisation.
    with page.expect_navigation():
        page.get_by_role("button", name="Start your application").click()
    page.wait_for_url("**/create-account/")
    axe_check(page, "create-account")
    page.get_by_label("Your full name").fill("Ada Applicant")
    page.get_by_label("Email address").fill("ada@example.org")
    page.get_by_label("Create a password").fill(PASSWORD)
    page.get_by_label("Your organisation's name").fill("Ada's Enterprise")
    page.get_by_label("Social enterprise").check()
    page.get_by_label("Where your organisation operates").fill("North West")
    with page.expect_navigation():
        page.get_by_role("button", name="Create account").click()
    assert page.url.endswith("/create-account/check-your-email/")
    assert page.get_by_role("heading", level=1).inner_text() == "Check your email"
    axe_check(page, "check-your-email")

    # The emailed link: enter the password chosen, and the account is made.
    [message] = mail.outbox
    page.goto(re.search(r"https?://[^/\s]+(/public/\S+/confirm/\S+/)", message.body)[1])
    axe_check(page, "confirm-email")
    page.get_by_label("Password").fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Create account").click()
    assert page.url.endswith(f"/calls/{call.slug}/apply/")
    assert "Account created for Ada's Enterprise." in page.inner_text("main")
    axe_check(page, "application-form")

    # Save a draft with one answer, then sign out.
    page.get_by_label("Describe your idea").fill("Mentors for young people starting work")
    with page.expect_navigation():
        page.get_by_role("button", name="Save as draft").click()
    assert "Your draft has been saved." in page.inner_text("main")
    application = Application.objects.get(call=call, organisation__name="Ada's Enterprise")
    assert application.answers.get().text == "Mentors for young people starting work"
    sign_out(page)

    # Come back: sign in, and the draft is there.
    page.goto(f"/public/north/calls/{call.slug}/apply/")
    assert "/accounts/login/" in page.url
    page.fill("input[name=username]", "ada@example.org")
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()
    assert page.url.endswith(f"/calls/{call.slug}/apply/")
    assert page.get_by_label("Describe your idea").input_value() == (
        "Mentors for young people starting work"
    )

    # Submit with required answers missing: the error summary points at each question.
    page.get_by_label("Describe your idea").fill("A changed idea")
    page.get_by_label("Annual income").fill("120,000")
    with page.expect_navigation():
        page.get_by_role("button", name="Submit application").click()
    summary = page.locator(".govuk-error-summary")
    summary.wait_for()
    text = summary.inner_text()
    assert "There is a problem" in text
    assert "Enter your answer to “Year founded”" in text
    assert "Select an answer to “Stage of your solution”" in text
    assert "Select the challenge area your application is for" in text
    link = summary.get_by_role("link", name="Enter your answer to “Year founded”")
    assert link.get_attribute("href") == f"#id_{q['founded'].field_name}"
    assert page.title().startswith("Error: ")
    axe_check(page, "application-errors")
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DRAFT
    assert [a.text for a in application.answers.all()] == [
        "Mentors for young people starting work"
    ]  # nothing of the failed submission was saved

    # Complete it and submit.
    page.get_by_label("Year founded").fill("2012")
    page.get_by_label("Pilot").check()
    page.get_by_label(call.area.name).check()
    with page.expect_navigation():
        page.get_by_role("button", name="Submit application").click()
    assert "Application submitted." in page.inner_text("main")
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    assert application.answers.get(question=q["income"]).number == 120_000
    # Read-only now: the answers, no form.
    main = page.inner_text("main")
    assert "A changed idea" in main and "£120000" in main.replace(",", "")
    assert page.locator("form textarea").count() == 0
    axe_check(page, "application-submitted")
    assert not page_problems, str(page_problems)


def test_a_manager_reads_the_calls_and_applications(page, page_problems, call, sign_in, axe_check):
    sign_in(page, "team@example.org", PASSWORD)
    page.goto("/programmes/north/")
    with page.expect_navigation():
        page.get_by_role("link", name="Calls and applications").click()
    axe_check(page, "call-list")
    with page.expect_navigation():
        page.get_by_role("link", name=call.title).click()
    assert page.get_by_role("heading", level=1).inner_text() == call.title
    axe_check(page, "call-detail")
    with page.expect_navigation():
        page.get_by_role("link", name="0 applications").click()
    axe_check(page, "application-list")
    page.goto("/programmes/north/calls/add/")
    with page.expect_navigation():
        page.get_by_role("button", name="Create call").click()
    assert "There is a problem" in page.locator(".govuk-error-summary").inner_text()
    axe_check(page, "call-form-errors")
    assert not page_problems, str(page_problems)


def test_a_closed_call_and_a_forgotten_password(page, page_problems, call, axe_check):
    """A closed call's create-account page says so, with no form; the forgotten-password
    pages answer the same for any address."""
    team = User.objects.get(email="team@example.org")
    closed = make_call(
        Make(team, call.programme),
        opens_at=datetime(2017, 8, 1, 9, tzinfo=UTC),
        closes_at=datetime(2017, 11, 3, 12, tzinfo=UTC),
        slug="closed-call",
    )
    page.goto(f"/public/north/calls/{closed.slug}/create-account/")
    assert page.get_by_role("heading", level=1).inner_text() == "This call is not open"
    assert page.locator("main form").count() == 0
    axe_check(page, "call-not-open")

    page.goto("/accounts/login/")
    with page.expect_navigation():
        page.get_by_role("link", name="Forgotten your password?").click()
    axe_check(page, "password-reset")
    page.get_by_label("Email address").fill("nobody@example.org")
    with page.expect_navigation():
        page.get_by_role("button", name="Send the link").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Check your email"
    axe_check(page, "password-reset-sent")
    assert not mail.outbox  # no account, no email; the same page
    assert not page_problems, str(page_problems)
