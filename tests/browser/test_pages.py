"""The programme as a person sees it: headless Chromium against the live server.

Sign in as the convening team, open the dashboard, open a figure's records; the wrong
password; someone from another programme; the published figures. axe-core checks every
page on the way. Fixtures (`page`, `axe_check`, `iep`, `sign_in`) are in tests/conftest.py.
"""

import re
from urllib.parse import urlparse

import pytest
from django.urls import reverse

from partnerbase.core.money import format_money
from partnerbase.core.period import programme_period
from partnerbase.impact.figures import headline_figures
from partnerbase.impact.models import Figure
from partnerbase.impact.records import figure_records

pytestmark = pytest.mark.browser

COUNT_FIGURES = [
    Figure.ORGANISATIONS_ENGAGED,
    Figure.NEW_PROJECTS,
    Figure.INNOVATORS_SUPPORTED,
    Figure.PARTNERSHIPS_CONFIRMED,
]


def figures_of(programme):
    return headline_figures(programme, programme_period(programme))


def assert_shows_figures(page, figures):
    """Each of the six figures is on the page with the display the figures module gives."""
    for result in figures:
        assert result.display, f"{result.key} has no display"
        shown = page.locator(f"#figure-{result.key}")
        assert shown.count() == 1, f"{result.label} is not on {page.url}"
        assert shown.inner_text().strip() == result.display, (
            f"{result.label}: the page shows {shown.inner_text()!r}, "
            f"the figures module says {result.display!r}"
        )
        # The label is next to the number, in the same card.
        card = page.locator(".pb-figure", has=shown)
        assert result.label in card.inner_text()


def record_rows(page, key):
    return page.locator(f"table[data-records='{key}'] tbody tr")


def count_record_rows(page, key) -> int:
    """The figure's records over every page of its drill-down (it comes a page at a time),
    following "Next" as a user would."""
    count = record_rows(page, key).count()
    while (following := page.locator("a[rel=next]")).count():
        with page.expect_navigation():
            following.first.click()
        count += record_rows(page, key).count()
    return count


def test_team_member_signs_in_and_follows_a_figure_to_its_records(
    page, page_problems, iep, sign_in, axe_check
):
    figures = figures_of(iep)
    assert len(list(figures)) == 6

    # The sign-in page: anyone may see it, and it is accessible.
    page.goto("/")
    assert page.url.endswith("/accounts/login/?next=/")
    axe_check(page, "sign-in")

    sign_in(page, "team@example.org")
    assert urlparse(page.url).path == "/", f"signed in, but landed on {page.url}"
    assert page.get_by_role("heading", level=1).inner_text() == "Your programmes"
    axe_check(page, "programme-list")

    # The programme list links to the dashboard.
    with page.expect_navigation():
        page.get_by_role("link", name=f"Dashboard in {iep.name}", exact=True).click()
    page.wait_for_url("**/programmes/iep/")
    assert page.get_by_role("heading", level=1).inner_text() == "Headline figures"
    assert_shows_figures(page, figures)
    axe_check(page, "dashboard")

    # Follow one figure to the records behind it: as many rows as the figure says.
    key = Figure.PARTNERSHIPS_CONFIRMED
    result = figures.figures[key]
    assert result.value > 0
    with page.expect_navigation():
        page.get_by_role("link", name=f"See the records behind {result.label.lower()}").click()
    page.wait_for_url(f"**/programmes/iep/figures/{key}/")
    assert result.display in page.get_by_role("heading", level=1).inner_text()
    axe_check(page, f"records-{key}")
    assert count_record_rows(page, key) == result.value

    # And every other figure's records add up to it too.
    period = programme_period(iep)
    for key in Figure.values:
        if key == Figure.PARTNERSHIPS_CONFIRMED:
            continue
        result = figures.figures[key]
        page.goto(reverse("reports:figure_detail", args=[iep.slug, key]))
        assert result.display in page.get_by_role("heading", level=1).inner_text()
        axe_check(page, f"records-{key}")
        if key not in COUNT_FIGURES:
            records = figure_records(iep, key, period)
            assert records.total == result.value
            total = page.locator(f"table[data-records='{key}'] tfoot td").inner_text().strip()
            assert total == format_money(records.total, iep.reference_currency)
        rows = count_record_rows(page, key)
        if key in COUNT_FIGURES:
            assert rows == result.value, f"{result.label}: {rows} rows"
        else:
            assert rows == records.count > 0

    assert not page_problems, str(page_problems)


def test_wrong_password_shows_the_error_summary(
    page, page_problems, transactional_db, sign_in, axe_check
):
    from partnerbase.accounts.services import user_create

    user_create(
        email="someone@example.org", password="a long enough password", full_name="Some One"
    )
    sign_in(page, "someone@example.org", "not the password")

    assert page.url.endswith("/accounts/login/")
    assert page.title().startswith("Error: ")
    summary = page.locator(".govuk-error-summary")
    assert summary.is_visible()
    assert "There is a problem" in summary.inner_text()
    # The GOV.UK error summary takes focus so that a screen reader announces it.
    assert page.evaluate("() => document.activeElement.closest('.govuk-error-summary') !== null")
    axe_check(page, "sign-in-error")

    # The right password still works afterwards.
    sign_in(page, "someone@example.org", "a long enough password")
    assert page.get_by_role("heading", level=1).inner_text() == "Your programmes"
    assert not page_problems, str(page_problems)


def test_member_of_another_programme_cannot_see_the_iep(page, iep, sign_in, axe_check):
    from datetime import date

    from partnerbase.accounts.models import Role, User
    from partnerbase.accounts.services import membership_grant, user_create
    from partnerbase.programmes.services import programme_create

    admin = User.objects.get(email="admin@example.org")
    other = programme_create(
        actor=admin, name="Northern Partnership", slug="north", starts_on=date(2019, 1, 1)
    )
    outsider = user_create(
        email="north@example.org", password="another long password", full_name="Nora North"
    )
    membership_grant(actor=admin, user=outsider, programme=other, role=Role.TEAM)

    sign_in(page, "north@example.org", "another long password")
    # Their own programme is listed; the IEP is not.
    listing = page.locator("main").inner_text()
    assert "Northern Partnership" in listing
    assert iep.name not in listing

    for path in (
        "/programmes/iep/",
        f"/programmes/iep/figures/{Figure.ADDITIONAL_FUNDING}/",
        f"/programmes/iep/figures/{Figure.ADDITIONAL_FUNDING}/?format=csv",
    ):
        response = page.goto(path)
        assert response.status == 404, f"{path}: {response.status}"
        text = page.locator("body").inner_text()
        for result in figures_of(iep):
            if result.is_money:
                assert result.display not in text
    axe_check(page, "another-programme-404")

    # Their own dashboard works.
    response = page.goto("/programmes/north/")
    assert response.status == 200


def test_published_figures_without_signing_in(page, page_problems, iep, axe_check):
    response = page.goto(f"/public/{iep.slug}/")
    assert response.status == 200
    assert page.get_by_role("heading", level=1).is_visible()
    assert_shows_figures(page, figures_of(iep))
    # Nothing on the public page leads into the records.
    assert page.locator("a[href*='/figures/']").count() == 0
    assert not re.search(r"Sign out", page.locator("header").inner_text())
    axe_check(page, "public-figures")
    assert not page_problems, str(page_problems)


def test_axe_check_catches_a_violation(page, axe_check):
    """The checker itself: a page with known faults must not pass."""
    page.set_content(
        '<html><body><main><img src="x.png"><input type="text">'
        '<a href="/"></a></main></body></html>'
    )
    with pytest.raises(AssertionError) as failure:
        axe_check(page, "known-violations")
    message = str(failure.value)
    for rule in ("html-has-lang", "image-alt", "label", "link-name"):
        assert f"- {rule} " in message, message
