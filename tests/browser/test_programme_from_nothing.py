"""The whole story, in one browser test (issue 10, item 10): from an empty database holding
one administrator, a programme is run from nothing using only its pages — never /admin/,
never the command line. Each person signs in from their invitation email in their own
browser context; axe-core checks every page the story lands on; the story counts the pages
it visits and the forms it submits and writes them to var/story-counts.txt.

One long test, one helper per stage, in the order the IEP worked: set-up → champion
targeting → board → pledge → challenge vote → working group → idea → project → accelerator
and cohort → call → public application → assessment → selection → milestones and an outcome
→ needs and offers → brokering round → introductions accepted → partnership confirmed → a
grant and a loan → a competition → the figures, their records and the public page.

"Pages visited" counts main-frame documents (a redirect's target once); "form submissions"
counts POSTs, htmx ones included. STORY_TIMEOUT_MS shortens Playwright's waits while
developing the story (a wrong label then fails in seconds, not fifteen).
"""

import os
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.core import mail
from playwright.sync_api import expect

from tests.conftest import AXE_JS, ROOT, TIMEOUT_MS, format_violations, require

pytestmark = pytest.mark.browser

SLUG = "northern"
PROGRAMME = "Northern Inclusive Economy Partnership"
OWNER = "Department for Inclusion"
ADMIN_PASSWORD = "the administrator's long passphrase"
PASSWORD = "a long and unusual passphrase"
COUNTS_FILE = ROOT / "var" / "story-counts.txt"
# The programme runs from the start of last year to the end of next, so every date the
# story records (the recent past; the call is open today) falls in its period.
TODAY = date.today()
STARTS = date(TODAY.year - 1, 1, 1)
ENDS = date(TODAY.year + 1, 12, 31)


def ago(days: int) -> date:
    return TODAY - timedelta(days=days)


# --- the story's browser: counts pages and submissions, runs axe on every page -----------


@dataclass
class Person:
    email: str
    name: str
    page: object = None


@dataclass
class Story:
    browser: object
    base_url: str
    pages: int = 0  # documents the story landed on (a redirect's target counts once)
    submissions: int = 0  # POSTs: form submissions and htmx posts
    checked: int = 0  # pages axe checked
    violations: list = field(default_factory=list)
    problems: list = field(default_factory=list)
    visited: list = field(default_factory=list)
    people: dict = field(default_factory=dict)

    def open(self, person: Person):
        """A fresh browser context for one person (their own cookies)."""
        context = self.browser.new_context(
            base_url=self.base_url, viewport={"width": 1280, "height": 900}, locale="en-GB"
        )
        context.set_default_timeout(int(os.environ.get("STORY_TIMEOUT_MS", TIMEOUT_MS)))
        page = context.new_page()
        page._story_checked = None  # the document axe last checked
        page.on("request", lambda r, page=page: self._request(page, r))
        page.on("framenavigated", lambda f, page=page: self._navigated(page, f))
        page.on("pageerror", lambda exc: self.problems.append(f"JavaScript error: {exc}"))
        page.on(
            "console",
            lambda m: (
                self.problems.append(f"Refused by the policy: {m.text}")
                if "Content Security Policy" in m.text
                else None
            ),
        )
        page.on(
            "response",
            lambda r: (
                self.problems.append(f"{r.status} for {r.url}")
                if r.status >= 400 and "/static/" in r.url
                else None
            ),
        )
        person.page = page
        self.people[person.email] = person
        return page

    def _request(self, page, request):
        if request.method == "POST":
            self.submissions += 1

    def _navigated(self, page, frame):
        if frame == page.main_frame:
            self.pages += 1
            self.visited.append(frame.url)

    def check(self, page, name: str = ""):
        """Wait for the page, then run axe on it once (a page left as it was is not rechecked)."""
        page.wait_for_load_state("load")
        key = (self.pages, page.url, page.content().__len__())
        if page._story_checked == key:
            return
        page._story_checked = key
        self.checked += 1
        page.evaluate(AXE_JS.read_text())  # not a <script>: the page's policy refuses inline ones
        result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
        if result["violations"]:
            self.violations.append(
                f"{page.url} ({name}):\n{format_violations(result['violations'])}"
            )

    # The story's actions: each waits for what it caused and checks the page it lands on.

    def goto(self, page, url: str, name: str = ""):
        response = page.goto(url)
        assert response.status == 200, f"{url}: {response.status}"
        self.check(page, name or url)
        return page

    def click_link(self, page, name: str, exact: bool = True, within=None):
        scope = within or page
        with page.expect_navigation():
            scope.get_by_role("link", name=name, exact=exact).first.click()
        self.check(page, name)

    def press(self, page, button: str, exact: bool = True):
        """A button that navigates (a form's submit, or a GOV.UK button-styled link)."""
        with page.expect_navigation():
            page.get_by_role("button", name=button, exact=exact).click()
        self.check(page, button)

    def submit(self, page, button: str, exact: bool = True):
        """Submit the form by `button` and expect success: no error summary."""
        self.press(page, button, exact=exact)
        summary = page.locator(".govuk-error-summary")
        assert summary.count() == 0, f"{page.url}: {summary.inner_text()}"

    def banner(self, page) -> str:
        return page.locator(".govuk-notification-banner").inner_text()


def fill_date(page, name: str, d: date, scope=None):
    for i, part in enumerate((d.day, d.month, d.year)):
        (scope or page).locator(f"#id_{name}_{i}").fill(str(part))


def email_link(to: str) -> str:
    """The link in the last email sent to `to`."""
    sent = [m for m in mail.outbox if to in m.to]
    assert sent, f"no email to {to}: {[m.to for m in mail.outbox]}"
    return re.search(r"https?://\S+", sent[-1].body).group(0)


# --- the stages --------------------------------------------------------------------------


def create_the_programme(s: Story, admin: Person):
    page = s.open(admin)
    s.goto(page, "/")
    page.fill("input[name=username]", admin.email)
    page.fill("input[name=password]", ADMIN_PASSWORD)
    s.press(page, "Sign in")
    s.press(page, "Create a programme")
    page.get_by_label("Programme name").fill(PROGRAMME)
    page.get_by_label("Short name for web addresses").fill(SLUG)
    page.get_by_label("Description").fill("Businesses, charities and government in the North.")
    page.get_by_label("Owning department or organisation").fill(OWNER)
    page.get_by_label("What kind of organisation is it?").select_option(
        label="Government department"
    )
    fill_date(page, "starts_on", STARTS)
    fill_date(page, "ends_on", ENDS)
    s.submit(page, "Create the programme")
    assert f"{PROGRAMME} created" in s.banner(page)


def invite(s: Story, page, person: Person, role: str, organisation: str | None = None):
    """The team (or the administrator) invites someone from People and access."""
    s.goto(page, f"/programmes/{SLUG}/people/")
    s.press(page, "Invite someone")
    page.get_by_label("Email address").fill(person.email)
    page.get_by_label("Full name").fill(person.name)
    page.get_by_label(role, exact=True).check()
    if organisation:
        page.get_by_label("Organisation they act for").select_option(label=organisation)
    s.submit(page, "Send the invitation")
    assert f"Invitation sent to {person.email}" in s.banner(page)


def accept_invitation(s: Story, person: Person):
    """The newcomer opens the emailed link in their own browser and sets a password."""
    page = s.open(person)
    s.goto(page, email_link(person.email))
    page.get_by_label("Create a password").fill(PASSWORD)
    page.get_by_label("Confirm your password").fill(PASSWORD)
    s.submit(page, "Create the account and sign in")
    assert f"You have joined {PROGRAMME}" in s.banner(page)
    return page


def set_up(s: Story, admin: Person, tess: Person):
    """The administrator invites the convening team; the team does the rest of set-up."""
    invite(s, admin.page, tess, "Convening team")
    page = accept_invitation(s, tess)
    s.goto(page, f"/programmes/{SLUG}/")
    expect(page.locator("[data-setup-tasks]")).to_be_visible()


def targets_and_rates(s: Story, tess: Person):
    page = tess.page
    s.click_link(page, "Targets")
    for label, value in [
        ("Organisations engaged", "5"),
        ("New projects", "1"),
        ("Innovators supported", "1"),
        ("Additional funding", "20000"),
        ("Partnerships confirmed", "1"),
        ("Estimated partnership value", "10000"),
    ]:
        page.get_by_label(label).fill(value)  # "(optional)" follows each label
    s.submit(page, "Save targets")
    s.goto(page, f"/programmes/{SLUG}/")
    s.click_link(page, "Exchange rates")
    s.press(page, "Add a rate")
    fill_date(page, "rate_date", STARTS)
    page.get_by_label("From currency").fill("GBP")
    page.get_by_label("To currency").fill("USD")
    page.get_by_label("Rate", exact=True).fill("1.25")
    page.get_by_label("Source").fill("Bank of England")
    s.submit(page, "Add the rate")


def champion_targeting(s: Story, tess: Person):
    """A prospect on the long list, scored, moved through the pipeline and committed."""
    page = tess.page
    s.goto(page, f"/programmes/{SLUG}/")
    s.click_link(page, "Champion prospects", exact=False)
    s.press(page, "Add a prospect")
    page.get_by_label("New organisation's name").fill("Northbank")
    page.get_by_label("New organisation's kind").select_option(label="Business")
    page.get_by_label("New person's name").fill("Carol Champion")
    page.get_by_label("New person's job title").fill("Chief executive")
    fill_date(page, "added_on", ago(300))
    s.submit(page, "Add to the long list")
    for stage, days in [("Targeted", 290), ("Meeting arranged", 285), ("Met", 280)]:
        page.get_by_label(stage, exact=True).check()
        fill_date(page, "changed_on", ago(days))
        s.submit(page, "Move")
    fill_date(page, "term_starts_on", ago(270))
    s.submit(page, "Commit to the board")
    assert "now has a seat on the board" in page.inner_text("main")


def board(s: Story, tess: Person):
    page = tess.page
    s.goto(page, f"/programmes/{SLUG}/board/")
    s.press(page, "Record a meeting")
    page.get_by_label("Title").fill("First board meeting")
    fill_date(page, "held_on", ago(260))
    page.get_by_label("Agenda").fill("Choosing the challenge areas")
    s.submit(page, "Save meeting")
    s.press(page, "Record a decision")
    page.get_by_label("Agreed work").check()
    page.get_by_label("Summary").fill("Run a vote on the challenge areas")
    s.submit(page, "Save decision")


def pledge(s: Story, carol: Person):
    """The champion pledges mentoring from their own organisation, and offers it."""
    page = carol.page
    s.goto(page, f"/programmes/{SLUG}/")
    s.click_link(page, "Pledge ledger")
    s.press(page, "Record a pledge")
    page.get_by_label("Title", exact=True).fill("Mentoring for innovators")
    page.get_by_label("Mentoring or expertise").check()
    page.get_by_label("Quantity", exact=True).fill("40")
    page.get_by_label("Unit", exact=True).fill("hours")
    page.get_by_label("Estimated value").fill("6,000")
    fill_date(page, "pledged_on", ago(250))
    s.submit(page, "Save the pledge")
    assert "Pledge recorded." in s.banner(page)


def challenge_vote(s: Story, tess: Person, carol: Person):
    page = tess.page
    s.goto(page, f"/programmes/{SLUG}/challenges/")
    for title in ("Financial inclusion", "Transition to work"):
        s.click_link(page, "Proposals")
        s.press(page, "Propose a challenge area")
        page.get_by_label("Northbank").check()  # the only organisation: a radio, not a list
        page.get_by_label("Challenge area", exact=True).fill(title)
        page.get_by_label("Why the partnership should take it on").fill(f"{title} matters.")
        s.submit(page, "Propose")
    s.click_link(page, "Votes")
    s.press(page, "Set up a vote")
    page.get_by_label("Title").fill("Choosing our challenge areas")
    page.get_by_label("The board").check()
    page.get_by_label("Approval voting").check()
    page.get_by_label("How many challenge areas to choose").fill("1")
    # A vote is opened on the day and closes in the future; the team closes it early.
    fill_date(page, "opens_on", TODAY)
    fill_date(page, "closes_on", TODAY + timedelta(days=14))
    page.get_by_label("Financial inclusion").check()
    page.get_by_label("Transition to work").check()
    s.submit(page, "Set up the vote")
    vote_url = page.url
    s.press(page, "Open the vote")
    s.submit(page, "Open the vote")

    page = carol.page
    s.goto(page, vote_url)
    s.press(page, "Vote for Northbank")
    page.get_by_label("Financial inclusion").check()
    s.submit(page, "Cast the ballot")

    page = tess.page
    s.goto(page, vote_url)
    s.press(page, "Close and count")
    s.submit(page, "Close and count")
    s.press(page, "Adopt the result")
    s.submit(page, "Adopt the chosen areas")
    assert "The chosen proposals are now challenge areas." in s.banner(page)


def organisations(s: Story, tess: Person):
    """The partners the story works with, added from the organisations page."""
    page = tess.page
    for name, kind in [
        ("Northern Community Foundation", "Funder or foundation"),
        ("Catalyst Ventures", "Intermediary"),
    ]:
        s.goto(page, f"/programmes/{SLUG}/organisations/")
        s.press(page, "Add an organisation")
        page.get_by_label("Name", exact=True).fill(name)
        page.get_by_label(kind, exact=True).check()
        s.submit(page, "Add organisation")


def working_group(s: Story, tess: Person, wendy: Person):
    """The team makes the challenge area's working group and adds Wendy; she proposes an
    idea; the team shortlists it."""
    page = tess.page
    s.goto(page, f"/programmes/{SLUG}/working-groups/")
    s.press(page, "Create a working group")
    page.get_by_label("Financial inclusion").check()
    page.get_by_label("Name", exact=True).fill("Financial inclusion working group")
    s.submit(page, "Create working group")
    s.press(page, "Add a member")
    page.get_by_label("New person’s name").fill(wendy.name)
    page.get_by_label("Their organisation").select_option(label="Northern Community Foundation")
    fill_date(page, "joined_on", ago(200))
    page.get_by_label("Their account").select_option(label=wendy.name)
    page.get_by_label("They lead the group").check()
    s.submit(page, "Add member")
    group_url = page.url

    page = wendy.page
    s.goto(page, group_url)
    s.press(page, "Propose an idea")
    page.get_by_label("The idea in a sentence").fill("Money guidance in every food bank")
    fill_date(page, "proposed_on", ago(190))
    s.submit(page, "Propose idea")
    s.click_link(page, "Move “Money guidance in every food bank”")
    page.get_by_label("Shortlisted").check()
    fill_date(page, "on", ago(185))
    s.submit(page, "Move idea")
    return group_url


def project(s: Story, tess: Person, wendy: Person, group_url: str):
    """The team makes the idea a project, with its coalition, and launches it."""
    page = tess.page
    s.goto(page, f"/programmes/{SLUG}/projects/")
    s.press(page, "Create a project")
    page.get_by_label("Name", exact=True).fill("Food bank money guidance pilot")
    page.get_by_label("Financial inclusion").check()
    page.get_by_label("Region").fill("North East")
    s.submit(page, "Create project")
    project_url = page.url
    s.press(page, "Add a coalition member")
    page.get_by_label("Organisation").select_option(label="Northbank")
    page.get_by_label("Lead", exact=True).check()
    s.submit(page, "Add to coalition")
    s.click_link(page, "Change status", exact=False)
    page.get_by_label("Launched").check()
    fill_date(page, "launch_date", ago(150))
    s.submit(page, "Change status")

    page = wendy.page  # the group's lead moves the idea on
    s.goto(page, group_url)
    s.click_link(page, "Move “Money guidance in every food bank”")
    page.get_by_label("Became a project").check()
    page.get_by_label("The project it became").select_option(label="Food bank money guidance pilot")
    fill_date(page, "on", ago(150))
    s.submit(page, "Move idea")
    return project_url


def accelerator_and_cohort(s: Story, mona: Person):
    page = mona.page
    s.goto(page, f"/programmes/{SLUG}/accelerator/")
    s.press(page, "Add an accelerator")
    page.get_by_label("Name", exact=True).fill("Northern Accelerator")
    page.get_by_label("Delivery partner").select_option(label="Catalyst Ventures")
    fill_date(page, "starts_on", ago(100))
    fill_date(page, "ends_on", TODAY + timedelta(days=200))
    s.submit(page, "Add accelerator")
    s.click_link(page, "Add a cohort to Northern Accelerator")
    page.get_by_label("Name", exact=True).fill("First cohort")
    fill_date(page, "starts_on", TODAY)
    fill_date(page, "ends_on", TODAY + timedelta(days=180))
    s.submit(page, "Add cohort")


def call(s: Story, mona: Person):
    page = mona.page
    s.goto(page, f"/programmes/{SLUG}/calls/")
    s.press(page, "Create a call")
    page.get_by_label("Title").fill("Northern Accelerator call")
    page.get_by_label("Web address").fill("northern-accelerator")
    page.get_by_label("Summary").fill("Six months of support for social innovators.")
    fill_date(page, "opens_on", ago(20))
    page.get_by_label("Opening time").fill("9am")
    fill_date(page, "closes_on", TODAY + timedelta(days=30))
    page.get_by_label("Closing time").fill("12pm")
    page.get_by_label("Financial inclusion").check()
    s.submit(page, "Create call")
    s.press(page, "Add a question")
    page.get_by_label("Text", exact=True).check()
    page.get_by_label("Question", exact=True).fill("Describe your idea")
    page.get_by_label("Applicants must answer this question").check()
    s.submit(page, "Save question")


def public_application(s: Story, ivan: Person):
    """Signed out, Ivan finds the call, makes an account from the emailed link and applies."""
    page = s.open(ivan)
    s.goto(page, f"/public/{SLUG}/calls/northern-accelerator/")
    s.press(page, "Start your application")
    page.get_by_label("Your full name").fill(ivan.name)
    page.get_by_label("Email address").fill(ivan.email)
    page.get_by_label("Create a password").fill(PASSWORD)
    page.get_by_label("Your organisation's name").fill("Brightpath CIC")
    page.get_by_label("Community interest company").check()
    page.get_by_label("Where your organisation operates").fill("North East")
    s.submit(page, "Create account")
    s.goto(page, email_link(ivan.email))
    page.get_by_label("Password").fill(PASSWORD)
    s.submit(page, "Create account")
    page.get_by_label("Describe your idea").fill("Budgeting coaches in food banks")
    page.get_by_label("Financial inclusion").check()
    s.submit(page, "Submit application")
    assert "Application submitted." in page.inner_text("main")


def assessment(s: Story, mona: Person, asha: Person):
    page = mona.page
    s.goto(page, f"/programmes/{SLUG}/assessment/")
    s.click_link(page, "Rubric for Northern Accelerator call")
    page.get_by_label("Criterion").fill("Impact")
    page.get_by_label("Weight").fill("1")
    page.get_by_label("Lowest score").fill("0")
    page.get_by_label("Highest score").fill("10")
    s.submit(page, "Add criterion")
    s.goto(page, f"/programmes/{SLUG}/assessment/")
    s.click_link(page, "Assessors for Northern Accelerator call")
    page.get_by_label("Application", exact=True).select_option(label="Brightpath CIC")
    page.get_by_label("Assessor", exact=True).select_option(label=asha.name)
    s.submit(page, "Assign")

    page = asha.page
    s.goto(page, f"/programmes/{SLUG}/assessment/mine/")
    s.click_link(page, "Brightpath CIC")
    page.locator("input[id^=id_score_]").first.fill("8")
    s.submit(page, "Submit scores")


def selection(s: Story, mona: Person):
    page = mona.page
    s.goto(page, f"/programmes/{SLUG}/accelerator/")
    s.click_link(page, "Selection for Northern Accelerator call")
    s.press(page, "Select the cohort")
    page.get_by_label("Brightpath CIC").check()
    fill_date(page, "joined_on", TODAY)
    s.submit(page, "Select them into the cohort")
    assert "1 innovator joined First cohort." in s.banner(page), s.banner(page)
    cohort_url = page.url
    s.goto(page, f"/programmes/{SLUG}/accelerator/selection/northern-accelerator/")
    s.press(page, "Tell 1 applicant the decision")
    return cohort_url


def milestones_and_outcome(s: Story, mona: Person, ivan: Person, cohort_url: str):
    page = mona.page
    s.goto(page, cohort_url)
    s.press(page, "Set a milestone")
    page.get_by_label("For", exact=True).select_option(label="Brightpath CIC")
    page.get_by_label("Milestone").fill("Pilot in three food banks")
    fill_date(page, "due_on", TODAY + timedelta(days=60))
    s.submit(page, "Set the milestone")

    page = ivan.page
    s.goto(page, f"/programmes/{SLUG}/accelerator/")
    s.click_link(page, "Record evidence for Pilot in three food banks")
    page.get_by_label("Achieved").check()
    fill_date(page, "achieved_on", TODAY)
    page.locator("#id_evidence").fill("Three food banks' registers")
    s.submit(page, "Save the evidence")
    assert "Evidence recorded" in s.banner(page)
    s.click_link(page, "Outcomes: what Brightpath CIC has achieved")
    s.press(page, "Add an indicator")
    page.get_by_label("People reached").check()
    s.submit(page, "Add indicator")
    s.click_link(page, "Record a value of People reached")
    fill_date(page, "observed_on", TODAY)
    page.get_by_label("Value").fill("140")
    s.submit(page, "Record value")


def needs_and_offers(s: Story, ivan: Person, pat: Person):
    page = ivan.page
    s.goto(page, f"/programmes/{SLUG}/brokering/")
    s.click_link(page, "Your needs", within=page.locator("main"))
    s.press(page, "Add a need")
    page.get_by_label("Funding", exact=True).check()
    page.get_by_label("Describe the need").fill("A grant to reach ten more food banks")
    page.get_by_label("Amount").fill("20000")
    s.submit(page, "Save the need")

    page = pat.page
    s.goto(page, f"/programmes/{SLUG}/brokering/")
    s.click_link(page, "Your offers", within=page.locator("main"))
    s.press(page, "Add an offer")
    page.get_by_label("Funding", exact=True).check()
    page.get_by_label("Describe the offer").fill("Grants for financial-inclusion innovators")
    page.get_by_label("Budget").fill("50000")
    s.submit(page, "Save the offer")


def brokering_round(s: Story, tess: Person, ivan: Person, pat: Person):
    page = tess.page
    s.goto(page, f"/programmes/{SLUG}/brokering/")
    s.press(page, "Start a round")
    page.get_by_label("Name of the round").fill("First round")
    s.submit(page, "Create the round")
    with page.expect_navigation():
        page.get_by_role("button", name="Run the engine").click()
    proposed = page.locator("table[data-introductions='proposed'] tbody tr")
    expect(proposed).to_have_count(1, timeout=30_000)  # htmx polls until the run ends
    s.check(page, "round-proposals")
    s.press(page, "Mark as reviewed")
    s.press(page, "Send the introductions")
    assert "1 introduction sent." in s.banner(page)

    for person in (pat, ivan):
        page = person.page
        s.goto(page, f"/programmes/{SLUG}/brokering/introductions/")
        s.click_link(page, "Accept or decline", exact=False)
        page.get_by_label("Yes, accept the introduction").check()
        s.submit(page, "Send your answer")
        assert "You accepted the introduction." in s.banner(page)

    page = tess.page
    s.goto(page, f"/programmes/{SLUG}/brokering/partnerships/")
    s.click_link(page, "Brightpath CIC", exact=False)
    page.get_by_label("Confirmed").check()
    fill_date(page, "on", TODAY)
    page.get_by_label("Estimated value over the next 12 months").fill("12000")
    s.submit(page, "Move")
    assert page.locator("#partnership-stage").inner_text() == "Confirmed"


def grant_and_loan(s: Story, tess: Person):
    page = tess.page
    for title, kind, funder, amount in [
        ("Foundation grant to Brightpath", "Grant", "Northern Community Foundation", "20,000"),
        ("Northbank social loan to Brightpath", "Social loan", "Northbank", "10,000"),
    ]:
        s.goto(page, f"/programmes/{SLUG}/funding/")
        s.press(page, "Record an award")
        page.get_by_label("Title", exact=True).fill(title)
        page.get_by_label(kind, exact=True).check()
        page.get_by_label("Funder", exact=True).select_option(label=funder)
        page.get_by_label("Recipient", exact=True).select_option(label="Brightpath CIC")
        page.get_by_label("Amount", exact=True).fill(amount)
        fill_date(page, "award_date", TODAY)
        if kind == "Social loan":
            page.get_by_label("Interest rate (% a year)").fill("4")
            page.get_by_label("Term in months").fill("24")
            page.get_by_label("Equal monthly instalments (annuity)").check()
        s.submit(page, "Record award")


def competition(s: Story, tess: Person, jules: Person, ivan: Person):
    page = tess.page
    s.goto(page, f"/programmes/{SLUG}/projects/competitions/")
    s.press(page, "Create a competition")
    page.fill("#id_name", "Northern Money Prize")
    page.select_option("#id_sponsor", label="Northbank")
    page.fill("#id_prize_fund", "50000")
    fill_date(page, "launch_date", ago(60))
    s.submit(page, "Create competition")
    competition_url = page.url
    s.press(page, "Add a stage")
    page.fill("#id_name", "Open call")
    fill_date(page, "starts_on", ago(60))
    fill_date(page, "ends_on", ago(10))
    s.submit(page, "Add stage")
    s.press(page, "Add a rubric criterion")
    page.fill("#id_name", "Reach")
    page.fill("#id_weight", "1")
    s.submit(page, "Add criterion")
    s.press(page, "Record an entry")
    page.select_option("#id_organisation", label="Brightpath CIC")
    page.fill("#id_title", "Food bank budgeting")
    fill_date(page, "entered_on", ago(30))
    s.submit(page, "Record entry")
    s.press(page, "Add a judge")
    page.select_option("#id_user", label=jules.name)
    page.get_by_label("Food bank budgeting (Brightpath CIC)").check()
    s.submit(page, "Save judge")

    page = jules.page
    s.goto(page, competition_url)
    s.click_link(page, "Score the entry “Food bank budgeting”")
    page.locator("input[name^=criterion_]").first.fill("5")
    s.submit(page, "Submit scores")

    page = tess.page
    s.goto(page, competition_url)
    s.click_link(page, "Award a prize to Brightpath CIC")
    page.fill("#id_amount", "5000")
    fill_date(page, "award_date", TODAY)
    s.submit(page, "Award prize")


def publish(s: Story, tess: Person):
    page = tess.page
    s.goto(page, f"/programmes/{SLUG}/settings/public-page/")
    s.submit(page, "Publish the public page")


# What the story made, and so what each figure must say (the programme's whole period):
EXPECTED = {
    # Northbank (champion, pledge, coalition, loan, competition), Northern Community
    # Foundation (working group, offer, partnership, grant), Catalyst Ventures (delivery
    # partner) and Brightpath CIC (application, cohort place); the owning department convenes.
    "organisations_engaged": ("4", ["Northbank", "Northern Community Foundation",
                                    "Catalyst Ventures", "Brightpath CIC"]),
    "new_projects": ("1", ["Food bank money guidance pilot"]),  # launched
    "innovators_supported": ("1", ["Brightpath CIC"]),  # one cohort place
    # The grant (£20,000), the loan (£10,000) and the prize (£5,000), all to Brightpath after
    # it joined the cohort, from funders that do not convene; USD at the one rate, 1.25.
    "additional_funding": ("£35,000 ($43,750)", ["Northern Community Foundation\tGrant\t£20,000",
                                                 "Northbank\tSocial loan\t£10,000",
                                                 "Northbank\tPrize\t£5,000"]),
    "partnerships_confirmed": ("1", ["Brightpath CIC"]),  # the one introduction, confirmed
    "estimated_partnership_value": ("£12,000 ($15,000)", ["Brightpath CIC"]),
}  # fmt: skip


def figures(s: Story, tess: Person):
    """Each headline figure on the dashboard, and the records it opens to."""
    page = tess.page
    s.goto(page, f"/programmes/{SLUG}/")
    for key, (shown, _) in EXPECTED.items():
        assert page.locator(f"#figure-{key}").inner_text().strip() == shown, key
    for key, (shown, names) in EXPECTED.items():
        s.goto(page, f"/programmes/{SLUG}/")
        card = page.locator(".pb-figure", has=page.locator(f"#figure-{key}"))
        s.click_link(page, "See the records", exact=False, within=card)
        assert shown in page.get_by_role("heading", level=1).inner_text(), key
        rows = page.locator(f"table[data-records='{key}'] tbody tr")
        # One row per record named: the records add up to the figure and nothing else.
        expect(rows).to_have_count(len(names))
        texts = rows.all_inner_texts()
        for name in names:
            assert sum(name in t for t in texts) == 1, f"{key}: no one record of {name}: {texts}"


def public_page(s: Story, visitor: Person):
    """Signed out, the published figures are the dashboard's."""
    page = s.open(visitor)
    s.goto(page, f"/public/{SLUG}/")
    for key, (shown, _) in EXPECTED.items():
        assert page.locator(f"#figure-{key}").inner_text().strip() == shown, key


# --- the test ----------------------------------------------------------------------------


def test_a_programme_from_nothing(browser, live_server, transactional_db, settings):
    require(AXE_JS.exists(), f"axe-core is not installed at {AXE_JS}")
    from partnerbase.accounts.models import User

    User.objects.create_superuser(email="admin@example.org", password=ADMIN_PASSWORD)
    s = Story(browser=browser, base_url=live_server.url)
    admin = Person("admin@example.org", "Ada Administrator")
    tess = Person("tess@example.org", "Tess Team")

    carol = Person("carol@example.org", "Carol Champion")
    wendy = Person("wendy@example.org", "Wendy Group")
    mona = Person("mona@example.org", "Mona Manager")
    asha = Person("asha@example.org", "Asha Assessor")
    jules = Person("jules@example.org", "Jules Judge")
    pat = Person("pat@example.org", "Pat Partner")
    ivan = Person("ivan@example.org", "Ivan Innovator")

    try:
        create_the_programme(s, admin)
        set_up(s, admin, tess)
        targets_and_rates(s, tess)
        champion_targeting(s, tess)
        invite(s, tess.page, carol, "Champion", "Northbank")
        accept_invitation(s, carol)
        board(s, tess)
        pledge(s, carol)
        challenge_vote(s, tess, carol)
        organisations(s, tess)
        for person, role, org in [
            (wendy, "Working-group member", "Northern Community Foundation"),
            (mona, "Accelerator manager", "Catalyst Ventures"),
            (asha, "Assessor", None),
            (jules, "Assessor", None),  # judges are assessors
            (pat, "Partner contact", "Northern Community Foundation"),
        ]:
            invite(s, tess.page, person, role, org)
            accept_invitation(s, person)
        group_url = working_group(s, tess, wendy)
        project(s, tess, wendy, group_url)
        accelerator_and_cohort(s, mona)
        call(s, mona)
        public_application(s, ivan)
        assessment(s, mona, asha)
        cohort_url = selection(s, mona)
        milestones_and_outcome(s, mona, ivan, cohort_url)
        needs_and_offers(s, ivan, pat)
        brokering_round(s, tess, ivan, pat)
        grant_and_loan(s, tess)
        competition(s, tess, jules, ivan)
        publish(s, tess)
        figures(s, tess)
        public_page(s, Person("visitor@example.org", "A visitor"))
    except Exception:
        for person in s.people.values():
            print(f"--- {person.email} at {person.page.url}")
            print(person.page.inner_text("main")[:3000])
        raise

    counts = (
        f"pages visited: {s.pages}\nform submissions (POSTs): {s.submissions}\n"
        f"pages checked by axe: {s.checked}\n"
    )
    print("\n" + counts)
    Path(COUNTS_FILE).parent.mkdir(parents=True, exist_ok=True)
    Path(COUNTS_FILE).write_text(counts)
    assert not s.violations, "axe-core violations:\n" + "\n".join(s.violations)
    assert not s.problems, "\n".join(s.problems)
