"""Record a social loan and a repayment as the convening team would, in Chromium, with
axe-core on every page (the ledger, the award form and its errors, the award, the
repayment form and its errors). Fixtures are in tests/conftest.py."""

from datetime import date
from decimal import Decimal

import pytest

from partnerbase.core.currencies import from_minor
from partnerbase.core.money import format_money
from partnerbase.funding.loans import schedule, total_repayable_minor
from partnerbase.funding.models import FundingAward, LoanRepayment

pytestmark = pytest.mark.browser


def gbp(minor: int) -> str:
    return format_money(from_minor(minor, "GBP"), "GBP")


def test_team_records_a_loan_and_a_repayment(page, page_problems, iep, sign_in, axe_check):
    rows = schedule(
        principal_minor=1_200_000,
        annual_rate_percent=Decimal("4.5"),
        months=24,
        first_due_on=date(2018, 8, 1),
    )
    owed, instalment = total_repayable_minor(rows), rows[0].total_minor

    sign_in(page, "team@example.org")
    page.goto(f"/programmes/{iep.slug}/")
    with page.expect_navigation():
        page.get_by_role("link", name="Funding ledger").click()
    page.wait_for_url("**/funding/")
    assert page.get_by_role("heading", level=1).inner_text() == "Funding ledger"
    assert "£632,913" not in page.inner_text("#total-cash")  # all cash, not just additional
    axe_check(page, "funding-ledger")

    with page.expect_navigation():
        page.get_by_role("button", name="Record an award").click()
    page.wait_for_url("**/funding/awards/add/")
    axe_check(page, "award-form")

    # Nothing filled in: the error summary, and nothing saved.
    before = FundingAward.objects.count()
    with page.expect_navigation():
        page.get_by_role("button", name="Record award").click()
    assert page.title().startswith("Error: ")
    assert page.locator(".govuk-error-summary").is_visible()
    assert FundingAward.objects.count() == before
    axe_check(page, "award-form-errors")

    page.get_by_label("Title", exact=True).fill("Big Issue Invest loan to Thrive")
    page.get_by_label("Social loan").check()
    page.get_by_label("Funder", exact=True).select_option(label="UnLtd")
    page.get_by_label("Recipient", exact=True).select_option(
        label="Thrive Therapeutic Software Limited"
    )
    page.get_by_label("Amount", exact=True).fill("12,000")
    page.get_by_label("Currency", exact=True).fill("GBP")
    page.locator("#id_award_date_0").fill("1")
    page.locator("#id_award_date_1").fill("7")
    page.locator("#id_award_date_2").fill("2018")
    page.get_by_label("The funder has confirmed the award").check()
    page.get_by_label("Interest rate (% a year)").fill("4.5")
    page.get_by_label("Term in months").fill("24")
    page.get_by_label("Equal monthly instalments (annuity)").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Record award").click()
    page.wait_for_url("**/funding/awards/*/")

    award = FundingAward.objects.get(title="Big Issue Invest loan to Thrive")
    assert (award.amount_minor, award.term_months) == (1_200_000, 24)
    assert page.locator("#loan-balance").inner_text() == gbp(owed)
    assert "Award recorded." in page.inner_text("body")
    axe_check(page, "loan")

    with page.expect_navigation():
        page.get_by_role("button", name="Record a repayment").click()
    page.wait_for_url("**/repayments/add/")
    assert page.locator("#balance").inner_text() == gbp(owed)
    axe_check(page, "repayment-form")

    # More than the balance: refused, with the reason next to the field.
    page.locator("#id_paid_on_0").fill("1")
    page.locator("#id_paid_on_1").fill("8")
    page.locator("#id_paid_on_2").fill("2018")
    page.get_by_label("Amount repaid").fill(str(from_minor(owed + 1, "GBP")))
    with page.expect_navigation():
        page.get_by_role("button", name="Record repayment").click()
    summary = page.locator(".govuk-error-summary")
    assert "more than the balance outstanding" in summary.inner_text()
    assert "more than the balance outstanding" in page.locator("#id_amount-error").inner_text()
    assert not LoanRepayment.objects.filter(award=award).exists()
    axe_check(page, "repayment-form-errors")

    page.get_by_label("Amount repaid").fill(str(from_minor(instalment, "GBP")))
    with page.expect_navigation():
        page.get_by_role("button", name="Record repayment").click()
    page.wait_for_url(f"**/funding/awards/{award.uid}/")
    assert page.locator("#loan-repaid").inner_text() == gbp(instalment)
    assert page.locator("#loan-balance").inner_text() == gbp(owed - instalment)
    assert page.locator("table[data-repayments] tbody tr").count() == 1
    assert "Loan repayment recorded" in page.inner_text("body")
    axe_check(page, "loan-repaid")

    assert not page_problems, str(page_problems)
