"""Recording awards, disbursements and repayments through the services; the ledger's sums."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from partnerbase.core.errors import DomainError
from partnerbase.funding import services
from partnerbase.funding.ledger import build_ledger
from partnerbase.funding.models import Disbursement, FundingAward, LoanRepayment
from partnerbase.funding.queries import rate_table

pytestmark = pytest.mark.django_db

JUNE = date(2018, 6, 14)


def test_a_loan_gets_its_terms_and_an_annuity_by_default(loan):
    assert loan.repayment_method == "annuity"
    assert loan.total_repayable_minor() == 8_050_000 + 635_565
    assert services.loan_balance_minor(loan) == 8_685_565
    assert loan.history.first().history_user.full_name == "Tess Team"


@pytest.mark.parametrize(
    ("terms", "field"),
    [
        ({"interest_rate_percent": Decimal(5)}, "term_months"),
        ({"term_months": 36}, "interest_rate_percent"),
        ({"repayment_method": "annuity"}, "interest_rate_percent"),
        ({"interest_rate_percent": Decimal(5), "term_months": 0}, "term_months"),
        ({"interest_rate_percent": Decimal(-1), "term_months": 3}, "interest_rate_percent"),
    ],
)
def test_half_or_bad_loan_terms_are_refused(make, terms, field):
    funder, recipient = make.org(kind="funder"), make.org()
    with pytest.raises((DomainError, ValidationError)) as caught:
        services.funding_award_record(
            actor=make.actor,
            programme=make.programme,
            title="Loan",
            instrument="social_loan",
            amount=Decimal(1000),
            currency="GBP",
            award_date=date(2018, 1, 1),
            funder=funder,
            recipient=recipient,
            **terms,
        )
    error = caught.value
    named = error.field if isinstance(error, DomainError) else next(iter(error.message_dict))
    assert named == field
    assert not FundingAward.objects.filter(programme=make.programme).exists()


def test_a_grant_cannot_have_loan_terms(make):
    with pytest.raises(Exception, match="Only a social loan"):
        services.funding_award_record(
            actor=make.actor,
            programme=make.programme,
            title="Grant",
            instrument="grant",
            amount=Decimal(1000),
            currency="GBP",
            award_date=date(2018, 1, 1),
            funder=make.org(kind="funder"),
            recipient=make.org(),
            term_months=12,
        )


def test_repayments_reduce_the_balance_and_one_too_large_is_refused(loan, actor):
    services.loan_repayment_record(actor=actor, award=loan, paid_on=JUNE, amount=Decimal("2412.66"))
    assert services.loan_balance_minor(loan) == 8_685_565 - 241_266

    with pytest.raises(DomainError) as caught:
        services.loan_repayment_record(
            actor=actor, award=loan, paid_on=JUNE, amount=Decimal("86000")
        )
    assert caught.value.field == "amount"
    assert "more than the balance outstanding (84442.99 GBP)" in caught.value.message
    assert LoanRepayment.objects.filter(award=loan).count() == 1

    # Exactly the balance is allowed, and leaves nothing owed.
    services.loan_repayment_record(
        actor=actor, award=loan, paid_on=JUNE, amount=Decimal("84442.99")
    )
    assert services.loan_balance_minor(loan) == 0


@pytest.mark.parametrize(
    ("amount", "paid_on", "field"),
    [
        ("0", JUNE, "amount"),
        ("-5", JUNE, "amount"),
        ("10.001", JUNE, "amount"),
        ("100", date(2018, 5, 13), "paid_on"),  # before the award
    ],
)
def test_bad_repayments_save_nothing(loan, actor, amount, paid_on, field):
    with pytest.raises(DomainError) as caught:
        services.loan_repayment_record(
            actor=actor, award=loan, paid_on=paid_on, amount=Decimal(amount)
        )
    assert caught.value.field == field
    assert not LoanRepayment.objects.exists()


def test_only_a_loan_is_repaid(make, actor):
    grant = make.award(funder=make.org(), recipient=make.org(), amount="500", on=JUNE)
    with pytest.raises(DomainError, match="Only a social loan"):
        services.loan_repayment_record(actor=actor, award=grant, paid_on=JUNE, amount=Decimal(1))


def test_a_loan_without_terms_owes_its_principal(make, actor):
    award = make.award(
        funder=make.org(), recipient=make.org(), amount="1000", on=JUNE, instrument="social_loan"
    )
    assert award.repayment_schedule() == []
    assert services.loan_balance_minor(award) == 100_000


def test_disbursements_planned_and_made_each_add_up_to_no_more_than_the_award(make, actor):
    grant = make.award(funder=make.org(), recipient=make.org(), amount="20000", on=JUNE)
    for kind in ("planned", "actual"):
        services.disbursement_record(
            actor=actor, award=grant, kind=kind, on=JUNE, amount=Decimal("12000")
        )
        with pytest.raises(DomainError) as caught:
            services.disbursement_record(
                actor=actor, award=grant, kind=kind, on=JUNE, amount=Decimal("8000.01")
            )
        assert caught.value.field == "amount"
        assert "8000.00 GBP is left to disburse" in caught.value.message
        services.disbursement_record(
            actor=actor, award=grant, kind=kind, on=JUNE, amount=Decimal("8000")
        )
    assert Disbursement.objects.filter(award=grant).count() == 4
    made = Disbursement.objects.filter(award=grant, kind="actual").first()
    assert made.history.first().history_change_reason == "Actual disbursement recorded"


@pytest.mark.parametrize(
    ("kind", "on", "amount", "field"),
    [
        ("promised", JUNE, "10", "kind"),
        ("actual", date(2018, 6, 13), "10", "on"),
        ("actual", JUNE, "0", "amount"),
    ],
)
def test_bad_disbursements_save_nothing(make, actor, kind, on, amount, field):
    grant = make.award(funder=make.org(), recipient=make.org(), amount="20000", on=JUNE)
    with pytest.raises(DomainError) as caught:
        services.disbursement_record(
            actor=actor, award=grant, kind=kind, on=on, amount=Decimal(amount)
        )
    assert caught.value.field == field
    assert not Disbursement.objects.exists()


def test_the_ledger_keeps_in_kind_apart_and_converts_at_the_award_date(make):
    p = make.programme
    make.rate("GBP", "USD", date(2018, 1, 1), "1.25")
    make.rate("GBP", "USD", date(2018, 12, 1), "1.5")
    convener, funder, innovator = make.convener(), make.org(kind="funder"), make.org()
    make.award(funder=funder, recipient=innovator, amount="1000", on=JUNE)
    make.award(funder=funder, recipient=innovator, amount="250", on=JUNE, currency="USD")
    make.award(funder=convener, recipient=innovator, amount="20000", on=JUNE)
    make.award(funder=funder, recipient=innovator, amount="8000", on=JUNE, instrument="in_kind")
    make.award(funder=funder, recipient=innovator, amount="99", on=JUNE, instrument="prize")
    make.award(funder=funder, recipient=innovator, amount="5000", on=JUNE, confirmed=False)
    awards = FundingAward.objects.filter(programme=p).select_related("funder")

    ledger = build_ledger(
        awards,
        currency="GBP",
        display_currencies=["USD"],
        rates=rate_table(programme=p),
        at=date(2018, 12, 31),
    )

    # $250 at 1.25 on the award date is £200; the report-date rate (1.5) is only for display.
    assert ledger.cash_total == Decimal("21299.00")
    assert ledger.in_kind_total == Decimal("8000.00")
    assert ledger.convener_cash_total == Decimal("20000.00")
    assert dict(ledger.by_instrument) == {
        "Grant": Decimal("21200.00"),
        "Prize": Decimal("99.00"),
        "In kind": Decimal("8000.00"),
    }
    assert ledger.unconfirmed_count == 1
    assert ledger.show(ledger.cash_total) == "£21,299 ($31,949)"
    assert [(r.on, r.rate) for r in ledger.rates_used] == [(date(2018, 1, 1), Decimal("1.25"))]
    assert ledger.display[0][2].on == date(2018, 12, 1)


def test_the_ledger_says_when_an_award_cannot_be_converted(make):
    make.award(funder=make.org(), recipient=make.org(), amount="100", on=JUNE, currency="EUR")
    awards = FundingAward.objects.filter(programme=make.programme).select_related("funder")
    ledger = build_ledger(
        awards,
        currency="GBP",
        display_currencies=["USD"],
        rates=rate_table(programme=make.programme),
        at=JUNE,
    )
    assert ledger.rows[0].reference is None
    assert ledger.cash_total == 0
    assert any("No exchange rate from EUR to GBP" in note for note in ledger.notes)
    assert any(note.startswith("USD is not shown") for note in ledger.notes)
