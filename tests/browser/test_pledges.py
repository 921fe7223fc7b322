"""A champion records a pledge for its own organisation, confirms it and records a partial
delivery, in Chromium with axe-core on every page; bad input shows the GOV.UK error summary
and saves nothing. Fixtures are in tests/conftest.py."""

from decimal import Decimal

import pytest

from partnerbase.pledges.models import Pledge, PledgeDelivery

pytestmark = pytest.mark.browser


def submit(page, button):
    with page.expect_navigation():
        page.get_by_role("button", name=button).click()


def fill_date(page, name, day, month, year):
    page.locator(f"#id_{name}_0").fill(day)
    page.locator(f"#id_{name}_1").fill(month)
    page.locator(f"#id_{name}_2").fill(year)


def test_a_champion_records_a_pledge_and_its_delivery(page, page_problems, iep, sign_in, axe_check):
    pledges_before, deliveries_before = Pledge.objects.count(), PledgeDelivery.objects.count()
    sign_in(page, "champion@example.org")
    page.goto(f"/programmes/{iep.slug}/")
    with page.expect_navigation():
        page.get_by_role("link", name="Pledge ledger").click()
    page.wait_for_url("**/pledges/")
    assert page.get_by_role("heading", level=1).inner_text() == "Pledge ledger"
    axe_check(page, "pledge-ledger")

    with page.expect_navigation():
        page.get_by_role("button", name="Record a pledge").click()
    page.wait_for_url("**/pledges/add/")
    # A champion pledges only for its own organisation.
    options = page.locator("#id_organisation option").all_inner_texts()
    assert options == ["Grant Thornton UK"]
    axe_check(page, "pledge-form")

    # Bad input: the error summary, each message by its field, and nothing saved.
    page.get_by_label("Title", exact=True).fill("Finance clinics for innovators")
    page.get_by_label("Quantity", exact=True).fill("forty")
    submit(page, "Save the pledge")
    assert page.title().startswith("Error: ")
    summary = page.locator(".govuk-error-summary")
    assert summary.is_visible()
    assert "Choose what is pledged" in summary.inner_text()
    assert "The quantity must be a number" in summary.inner_text()
    assert "Enter the date pledged" in summary.inner_text()
    assert Pledge.objects.count() == pledges_before
    axe_check(page, "pledge-form-errors")

    page.get_by_label("Mentoring or expertise").check()
    page.get_by_label("Quantity", exact=True).fill("40")
    page.get_by_label("Unit", exact=True).fill("hours")
    page.get_by_label("Estimated value").fill("6,000")
    page.get_by_label("Challenge area").select_option(label="Financial inclusion")
    fill_date(page, "pledged_on", "1", "12", "2017")
    fill_date(page, "due_on", "30", "6", "2018")
    submit(page, "Save the pledge")
    assert "Pledge recorded." in page.inner_text("body")
    pledge = Pledge.objects.get(title="Finance clinics for innovators")
    assert (pledge.organisation.name, pledge.status) == ("Grant Thornton UK", "pledged")
    assert (pledge.quantity, pledge.estimated_value_minor) == (Decimal(40), 600_000)
    axe_check(page, "pledge")

    with page.expect_navigation():
        page.get_by_role("button", name="Confirm the pledge").click()
    page.wait_for_url("**/confirm/")
    fill_date(page, "on", "8", "12", "2017")
    submit(page, "Confirm the pledge")
    assert page.locator("#pledge-status").inner_text() == "Confirmed"

    with page.expect_navigation():
        page.get_by_role("button", name="Record a delivery").click()
    page.wait_for_url("**/deliveries/add/")
    axe_check(page, "delivery-form")
    fill_date(page, "delivered_on", "15", "3", "2018")
    page.get_by_label("Quantity delivered").fill("50")
    submit(page, "Record the delivery")
    assert page.locator(".govuk-error-summary").is_visible()
    assert "more than is left to deliver (40)" in page.inner_text(".govuk-error-summary")
    assert PledgeDelivery.objects.count() == deliveries_before
    axe_check(page, "delivery-form-errors")

    page.get_by_label("Quantity delivered").fill("15")
    page.get_by_label("Notes").fill("Three clinics in March")
    submit(page, "Record the delivery")
    assert "Delivery recorded." in page.inner_text("body")
    assert page.locator("#pledge-delivered").inner_text() == "15 hours (25 left)"
    assert page.locator("#pledge-value").inner_text() == "£6,000, of which £2,250 delivered"
    assert page.locator("#pledge-status").inner_text() == "Confirmed"
    assert "Three clinics in March" in page.inner_text("[data-deliveries]")
    axe_check(page, "pledge-delivered-in-part")
    assert not page_problems, str(page_problems)
