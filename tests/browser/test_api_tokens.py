"""API tokens as a person makes them: the account page's tokens page (made, shown once,
revoked), the token working against the API from the browser, and the API's documentation
page running under the Content-Security-Policy. axe-core checks each page; the page
fixture fails on anything the policy refuses."""

import pytest

pytestmark = pytest.mark.browser

PASSWORD = "a long enough password"


def test_a_token_made_on_the_account_page_works_until_revoked(
    page, page_problems, transactional_db, sign_in, axe_check, live_server
):
    from partnerbase.accounts.services import user_create

    user_create(email="pat@example.org", password=PASSWORD, full_name="Pat Partner")
    sign_in(page, "pat@example.org", PASSWORD)
    page.goto(f"{live_server.url}/accounts/")
    with page.expect_navigation():
        page.get_by_role("link", name="Manage your API tokens").click()
    assert page.get_by_role("heading", level=1).inner_text() == "API tokens"
    axe_check(page, "api-tokens")
    with page.expect_navigation():
        page.get_by_role("button", name="Make a token").click()
    assert page.title().startswith("Error: ")
    axe_check(page, "api-tokens-error")
    page.get_by_label("Name").fill("Spreadsheet")
    with page.expect_navigation():
        page.get_by_role("button", name="Make a token").click()
    token = page.locator("[data-token]").inner_text().strip()
    assert token.startswith("pb_")
    axe_check(page, "api-token-made")
    ask = """async (token) => (await fetch('/api/v1/programmes/',
        {headers: {Authorization: 'Bearer ' + token}, credentials: 'omit'})).status"""
    assert page.evaluate(ask, token) == 200
    page.goto(f"{live_server.url}/accounts/api-tokens/")
    assert token not in page.content()
    page.get_by_role("button", name="Revoke Spreadsheet").click()
    assert "revoked" in page.locator(".govuk-notification-banner, [role=alert]").first.inner_text()
    assert page.evaluate(ask, token) == 401
    assert not page_problems, str(page_problems)


def test_the_documentation_page_runs_under_the_policy(page, page_problems, live_server, db):
    page.goto(f"{live_server.url}/api/v1/docs/try/")
    # Grouped by area; Swagger UI draws only the areas in view, so the first two are there.
    page.locator(".opblock-tag").nth(1).wait_for()
    assert page.locator(".opblock-tag").first.inner_text() == "Programmes"
    assert page.locator(".opblock").count() >= 5
    assert "Partnerbase API" in page.locator(".title").first.inner_text()
    assert not page_problems, str(page_problems)
