"""Innovators' stories and the public page in the browser: the team chooses, orders and
publishes a story, then a visitor reads it on the public page. axe-core checks each page."""

import pytest

from partnerbase.stories.models import Story

pytestmark = pytest.mark.browser


def story_names(page):
    return page.locator("[data-story-list] h2").all_inner_texts()


def test_the_team_tells_a_story_and_a_visitor_reads_it(
    browser, live_server, page, page_problems, iep, sign_in, axe_check
):
    sign_in(page, "team@example.org")
    page.goto("/")  # the landing page lists every place the team may go
    with page.expect_navigation():
        page.get_by_role("link", name="Innovators' stories").click()
    page.wait_for_selector("[data-story-list]")
    assert story_names(page) == ["1. Toolshed", "2. Money A+E", "3. MyKindaFuture"]
    toolshed = page.locator("[data-story-list] > li").first.inner_text()
    assert "an £80,500 ($105,994) social loan from UnLtd" in toolshed
    axe_check(page, "stories")

    # Nothing chosen: the error is named next to the field.
    with page.expect_navigation():
        page.get_by_role("button", name="Add the story").click()
    assert (
        "Choose the innovator whose story to tell"
        in page.locator(".govuk-error-summary").inner_text()
    )
    axe_check(page, "stories-error")

    page.get_by_label("Innovator").select_option(label="Founders4Schools (Workfinder)")
    with page.expect_navigation():
        page.get_by_role("button", name="Add the story").click()
    assert story_names(page)[-1] == "4. Founders4Schools (Workfinder)"
    with page.expect_navigation():
        page.get_by_role("button", name="Move up Founders4Schools (Workfinder)").click()
    assert story_names(page) == [
        "1. Toolshed",
        "2. Money A+E",
        "3. Founders4Schools (Workfinder)",
        "4. MyKindaFuture",
    ]

    with page.expect_navigation():
        page.get_by_role(
            "link", name="Add a sentence of your own to Founders4Schools (Workfinder)'s story"
        ).click()
    # The field stops at 600 characters (the service refuses more: test_views.py).
    assert page.get_by_label("Your own sentence").get_attribute("maxlength") == "600"
    axe_check(page, "story-edit")
    page.get_by_label("Your own sentence").fill("Workfinder finds young people their first job.")
    with page.expect_navigation():
        page.get_by_role("button", name="Save the sentence").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Publish Founders4Schools (Workfinder)'s story").click()
    assert Story.objects.get(organisation__name="Founders4Schools (Workfinder)").published
    axe_check(page, "stories-published")

    # A visitor, signed out, reads the published stories in the team's order.
    visitor = browser.new_context(base_url=live_server.url).new_page()
    visitor.goto("/public/iep/")
    visitor.wait_for_selector("[data-stories]")
    names = visitor.locator("[data-stories] h3").all_inner_texts()
    assert names == [
        "Toolshed",
        "Money A+E",
        "Founders4Schools (Workfinder)",
        "MyKindaFuture",
    ]
    main = visitor.inner_text("main")
    assert "Workfinder finds young people their first job." in main
    assert "West Midlands transition-to-work pilot" in main
    assert visitor.locator(".govuk-phase-banner").count() == 0
    axe_check(visitor, "public-page")
    visitor.get_by_role("link", name="Accessibility statement").first.click()
    visitor.wait_for_selector("h1")
    assert visitor.get_by_role("heading", level=1).inner_text() == "Accessibility statement"
    axe_check(visitor, "public-accessibility")
    visitor.get_by_role("link", name="Privacy notice").first.click()
    visitor.wait_for_selector("h1:has-text('Privacy notice')")
    axe_check(visitor, "public-privacy")
