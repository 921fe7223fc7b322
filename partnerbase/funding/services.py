from datetime import date
from decimal import Decimal, InvalidOperation

from django.db import transaction

from partnerbase.core.currencies import from_minor, to_minor
from partnerbase.core.errors import DomainError
from partnerbase.core.history import record_save
from partnerbase.core.services import same_programme

from . import loans
from .models import (
    Disbursement,
    DisbursementKind,
    ExchangeRate,
    FundingAward,
    Instrument,
    LoanRepayment,
)


@transaction.atomic
def exchange_rate_add(
    *,
    actor,
    programme,
    base: str,
    quote: str,
    rate_date: date,
    rate: Decimal,
    source: str,
    illustrative: bool = False,
    uid=None,
) -> ExchangeRate:
    entry = ExchangeRate(
        programme=programme,
        base=base,
        quote=quote,
        rate_date=rate_date,
        rate=Decimal(rate),
        source=source,
        illustrative=illustrative,
    )
    return record_save(entry, uid=uid, actor=actor, reason="Exchange rate added")


@transaction.atomic
def exchange_rate_update(*, actor, entry: ExchangeRate, rate: Decimal, source: str) -> ExchangeRate:
    """A corrected quotation for the same pair and date (history keeps the old one)."""
    entry.rate, entry.source = Decimal(rate), source
    return record_save(entry, actor=actor, reason="Exchange rate updated")


def money_to_minor(amount, currency: str, *, field: str = "amount") -> int:
    """Amount as whole minor units, or a DomainError naming `field`."""
    try:
        return to_minor(Decimal(amount), currency)
    except (InvalidOperation, ValueError) as exc:
        raise DomainError(
            str(exc) if isinstance(exc, ValueError) else f"{amount!r} is not an amount of money.",
            field=field,
        ) from exc


def _positive_minor(amount, currency: str) -> int:
    minor = money_to_minor(amount, currency)
    if minor <= 0:
        raise DomainError("The amount must be more than 0.", field="amount")
    return minor


@transaction.atomic
def funding_award_record(
    *,
    actor,
    programme,
    title: str,
    instrument: str,
    amount: Decimal,
    currency: str,
    award_date: date,
    funder,
    recipient,
    confirmed: bool = True,
    description: str = "",
    via_partnership=None,
    via_intermediary=None,
    interest_rate_percent: Decimal | None = None,
    term_months: int | None = None,
    repayment_method: str = "",
    first_repayment_on: date | None = None,
    illustrative: bool = False,
    uid=None,
) -> FundingAward:
    same_programme(
        programme,
        funder=funder,
        recipient=recipient,
        via_partnership=via_partnership,
        via_intermediary=via_intermediary,
    )
    if instrument not in Instrument.values:
        raise DomainError(f"{instrument!r} is not a funding instrument.", field="instrument")
    if instrument == Instrument.SOCIAL_LOAN:
        _check_loan_terms(interest_rate_percent, term_months, repayment_method)
        if interest_rate_percent is not None and not repayment_method:
            repayment_method = loans.ANNUITY
    award = FundingAward(
        programme=programme,
        title=title,
        instrument=instrument,
        amount_minor=_positive_minor(amount, currency),
        currency=currency,
        award_date=award_date,
        funder=funder,
        recipient=recipient,
        confirmed=confirmed,
        description=description,
        via_partnership=via_partnership,
        via_intermediary=via_intermediary,
        interest_rate_percent=interest_rate_percent,
        term_months=term_months,
        repayment_method=repayment_method,
        first_repayment_on=first_repayment_on,
        illustrative=illustrative,
    )
    return record_save(award, uid=uid, actor=actor, reason="Funding award recorded")


@transaction.atomic
def funding_award_change(
    *,
    actor,
    award: FundingAward,
    title: str | None = None,
    description: str | None = None,
    amount: Decimal | None = None,
    currency: str | None = None,
    award_date: date | None = None,
) -> FundingAward:
    """Correct an award's title, description, amount, currency or date (a funder's
    republished file); what is not given stays. The history keeps the old values."""
    award = _locked(award)
    currency = currency or award.currency
    if amount is not None:
        award.amount_minor = _positive_minor(amount, currency)
    elif currency != award.currency:
        award.amount_minor = _positive_minor(award.amount, currency)
    award.currency = currency
    award.title = award.title if title is None else title
    award.description = award.description if description is None else description
    award.award_date = award_date or award.award_date
    return record_save(award, actor=actor, reason="Funding award changed")


def _check_loan_terms(rate, term, method) -> None:
    # A loan may be recorded before its terms are known, but not with half of them.
    if (rate is None) != (term is None):
        missing = "term_months" if term is None else "interest_rate_percent"
        what = "term in months" if term is None else "interest rate"
        raise DomainError(f"Enter the {what} as well, or neither.", field=missing)
    if method and method not in loans.METHODS:
        raise DomainError(f"{method!r} is not a repayment method.", field="repayment_method")
    if method and rate is None:
        raise DomainError(
            "A repayment method needs an interest rate and term.", field="interest_rate_percent"
        )


def _locked(award: FundingAward) -> FundingAward:
    # Two people recording at once must not both pass the "not more than" checks.
    return FundingAward.objects.select_for_update().get(pk=award.pk)


@transaction.atomic
def disbursement_record(
    *,
    actor,
    award: FundingAward,
    kind: str,
    on: date,
    amount: Decimal,
    notes: str = "",
    illustrative: bool = False,
    uid=None,
) -> Disbursement:
    """A planned or actual payment of the award; together they may not exceed the award."""
    award = _locked(award)
    if kind not in DisbursementKind.values:
        raise DomainError(f"{kind!r} is not planned or actual.", field="kind")
    minor = _positive_minor(amount, award.currency)
    if on < award.award_date:
        raise DomainError("A disbursement cannot be before the award date.", field="on")
    so_far = sum(award.disbursements.filter(kind=kind).values_list("amount_minor", flat=True))
    if so_far + minor > award.amount_minor:
        left = from_minor(award.amount_minor - so_far, award.currency)
        raise DomainError(
            f"{kind.capitalize()} disbursements cannot add up to more than the award: "
            f"{left} {award.currency} is left to disburse.",
            field="amount",
        )
    entry = Disbursement(award=award, kind=kind, on=on, amount_minor=minor, notes=notes)
    entry.illustrative = illustrative
    reason = f"{DisbursementKind(kind).label} disbursement recorded"
    return record_save(entry, uid=uid, actor=actor, reason=reason)


def loan_balance_minor(award: FundingAward) -> int:
    """What is still owed: principal plus scheduled interest, less the repayments made."""
    repaid = sum(award.repayments.values_list("amount_minor", flat=True))
    return award.total_repayable_minor() - repaid


@transaction.atomic
def loan_repayment_record(
    *,
    actor,
    award: FundingAward,
    paid_on: date,
    amount: Decimal,
    notes: str = "",
    illustrative: bool = False,
    uid=None,
) -> LoanRepayment:
    """A repayment of a social loan; never more than the balance outstanding."""
    award = _locked(award)
    if not award.is_loan:
        raise DomainError("Only a social loan is repaid.", field="amount")
    minor = _positive_minor(amount, award.currency)
    if paid_on < award.award_date:
        raise DomainError("A repayment cannot be before the loan was awarded.", field="paid_on")
    balance = loan_balance_minor(award)
    if minor > balance:
        raise DomainError(
            f"The repayment is more than the balance outstanding "
            f"({from_minor(balance, award.currency)} {award.currency}).",
            field="amount",
        )
    entry = LoanRepayment(award=award, paid_on=paid_on, amount_minor=minor, notes=notes)
    entry.illustrative = illustrative
    return record_save(entry, uid=uid, actor=actor, reason="Loan repayment recorded")
