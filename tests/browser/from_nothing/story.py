"""The story's browser (it counts pages and submissions and runs axe on every page), its
people and dates, and the steps every stage takes: creating the programme, inviting
someone and accepting the invitation."""

import os
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.core import mail

from tests.conftest import AXE_JS, ROOT, TIMEOUT_MS, format_violations

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
