"""The progress report in the browser: the team opens it from the navigation, the charts
are drawn, each chart's data opens, a number opens the records behind it, the PDF link
serves a PDF; axe-core finds nothing on the page; printing shows no navigation or form."""

import pytest

pytestmark = pytest.mark.browser

SLOW_MS = 180_000  # the PDF of the whole demo: seconds, more when the machine is shared


def test_the_team_reads_the_report_and_downloads_it(
    page, page_problems, iep, sign_in, axe_check, live_server
):
    sign_in(page, "team@example.org")
    page.goto(f"/programmes/{iep.slug}/")
    with page.expect_navigation():
        page.get_by_role("navigation", name="Menu").get_by_role(
            "link", name="Progress report"
        ).click()
    # Building the report takes seconds on a busy machine: wait longer than for a page.
    page.wait_for_url(f"**/programmes/{iep.slug}/report/", timeout=SLOW_MS)
    assert page.get_by_role("heading", name="Progress report", level=1).is_visible()
    # Every chart is drawn, named and summarised in words.
    charts = page.locator("figure.pb-chart")
    assert charts.count() == 10
    assert page.locator("svg.pb-chart__svg[role=img]").count() == 10
    assert "125 from 1 September 2017" in charts.first.inner_text()
    axe_check(page, "report")

    # A chart's data table opens; its CSV is served.
    first = charts.first
    first.locator("summary").click()
    first.locator("table").wait_for()
    assert first.locator("table").is_visible()
    csv = page.request.get(
        first.get_by_role("link", name="Download the data as CSV").get_attribute("href"),
        timeout=SLOW_MS,
    )
    assert csv.ok and csv.text().startswith("Month,Since 1 September 2017")
    axe_check(page, "report-data-open")

    # The PDF.
    pdf = page.request.get(
        page.locator("a[data-report-pdf]").get_attribute("href"), timeout=SLOW_MS
    )
    assert pdf.ok and pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF")

    # Printing shows the report alone.
    page.emulate_media(media="print")
    assert not page.locator(".govuk-service-navigation").is_visible()
    assert not page.locator("form.pb-period-form").is_visible()
    assert page.get_by_role("heading", name="1. Headline figures").is_visible()
    page.emulate_media(media="screen")

    # A number opens the records that make it.
    with page.expect_navigation():
        page.locator("td[data-figure=new_projects] a").click()
    page.wait_for_url("**/figures/new_projects/**")
    assert page.get_by_role("heading", level=1).inner_text().startswith("New projects")
    assert not page_problems, page_problems
