"""Fixtures shared by the tests under tests/: headless Chromium driven by Playwright against
pytest-django's live server, axe-core, and the IEP demo data.

A browser test needs Debian's Chromium at /usr/bin/chromium and axe-core from node_modules
(`make test` installs it). Without them the browser tests are skipped on a developer's
machine, with the reason, but in CI (the CI environment variable set, as `.ci/run` runs)
they fail: a CI run must never go green by skipping what it was meant to check.
"""

import os
import re
from pathlib import Path

import pytest

# Playwright's sync API keeps an asyncio event loop running in the test's thread, and
# Django refuses ORM calls from a thread with a running loop; the tests' own DB access is
# ordinary synchronous code, so tell Django it is safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path(os.environ.get("PARTNERBASE_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",  # CI runs as root
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# Set PARTNERBASE_SHOTS=/tmp/shots to keep a screenshot of every page a test checks.
SHOTS_DIR = os.environ.get("PARTNERBASE_SHOTS", "")
TIMEOUT_MS = 15_000


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def require(available: bool, reason: str) -> None:
    """Skip the test if something it needs is missing, except in CI, where that fails."""
    if available:
        return
    if in_ci():
        pytest.fail(
            f"{reason} (CI is set: a missing requirement fails, it is never skipped)", pytrace=False
        )
    pytest.skip(reason)


def pytest_report_header(config):
    from django.conf import settings

    db = settings.DATABASES["default"]
    vendor = db["ENGINE"].rsplit(".", 1)[-1]
    where = db.get("HOST") or db.get("NAME")
    chromium = "present" if CHROMIUM.exists() else "MISSING"
    return [f"database: {vendor} ({where})", f"chromium: {CHROMIUM} ({chromium})"]


# --- the browser -------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser():
    require(
        CHROMIUM.exists() and os.access(CHROMIUM, os.X_OK),
        f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)",
    )
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - it is in requirements/dev.txt
        require(False, "the playwright package is not installed (make test installs it)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


class PageProblems(list):
    """JavaScript errors and failed static-file requests seen while a test's page was open."""

    def __str__(self):
        return "\n".join(self)


@pytest.fixture
def page_problems():
    return PageProblems()


@pytest.fixture
def page(browser, live_server, page_problems, request):
    """A fresh browser context (no cookies) with one page; relative URLs go to the live server."""
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 1280, "height": 900}, locale="en-GB"
    )
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    page.on("pageerror", lambda exc: page_problems.append(f"JavaScript error: {exc}"))
    # A script or style the Content-Security-Policy refused shows only in the console.
    page.on(
        "console",
        lambda m: (
            page_problems.append(f"Refused by the policy: {m.text}")
            if "Content Security Policy" in m.text
            else None
        ),
    )
    page.on(
        "response",
        lambda r: (
            page_problems.append(f"{r.status} for {r.url}")
            if r.status >= 400 and "/static/" in r.url
            else None
        ),
    )
    yield page
    if SHOTS_DIR and getattr(request.node, "rep_call", None) and request.node.rep_call.failed:
        screenshot(page, f"{request.node.name}-FAILED")
    context.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.rep_call = report
    return report


def screenshot(page, name: str) -> None:
    """Save a full-page screenshot to $PARTNERBASE_SHOTS, if set."""
    if not SHOTS_DIR:
        return
    Path(SHOTS_DIR).mkdir(parents=True, exist_ok=True)
    safe = re.sub(r"[^A-Za-z0-9_.-]+", "-", name).strip("-")
    page.screenshot(path=str(Path(SHOTS_DIR) / f"{safe}.png"), full_page=True)


# --- axe-core ----------------------------------------------------------------------------


def format_violations(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v.get('impact') or 'no impact'}): {v['help']}")
        lines.append(f"  {v['helpUrl']}")
        for node in v["nodes"][:5]:
            target = " ".join(str(t) for t in node.get("target", []))
            lines.append(f"    at {target}")
            lines.append(f"       {node.get('html', '')[:200]}")
            summary = (node.get("failureSummary") or "").replace("\n", "\n         ")
            if summary:
                lines.append(f"         {summary}")
        if len(v["nodes"]) > 5:
            lines.append(f"    … and {len(v['nodes']) - 5} more")
    return "\n".join(lines)


@pytest.fixture
def axe_check(browser):
    """`axe_check(page, name)`: run axe-core on the page as it is and fail on any violation."""
    require(AXE_JS.exists(), f"axe-core is not installed at {AXE_JS} (make test runs npm ci)")

    def check(page, name: str = ""):
        # Tests click through `page.expect_navigation()`, so the new page has committed;
        # axe reads it once it has loaded.
        page.wait_for_load_state("load")
        screenshot(page, name or page.url)
        # Evaluated through the DevTools protocol, not added as a <script>: the page's
        # Content-Security-Policy refuses inline scripts, as it should.
        page.evaluate(AXE_JS.read_text())
        result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
        violations = result["violations"]
        assert not violations, (
            f"axe-core found {len(violations)} accessibility violation(s) on {page.url}"
            f"{' (' + name + ')' if name else ''}:\n{format_violations(violations)}"
        )
        return result

    return check


# --- data --------------------------------------------------------------------------------


@pytest.fixture
def iep(transactional_db, iep_restored):
    """The IEP demo programme, its users (password "demo") and records.

    Tests that use `live_server` get a transactional database that is emptied after each
    test; the demo is built once per test process and its rows put back for each test
    (see tests/snapshot.py).
    """
    return iep_restored()


@pytest.fixture
def sign_in():
    """`sign_in(page, email, password="demo")`: sign in through the form, as a person would."""

    def sign_in(page, email: str, password: str = "demo") -> None:
        page.goto("/accounts/login/")
        page.fill("input[name=username]", email)
        page.fill("input[name=password]", password)
        # The form posts back to the same address on a wrong password: wait for the new page.
        with page.expect_navigation():
            page.get_by_role("button", name="Sign in").click()

    return sign_in
