from datetime import date
from decimal import Decimal, InvalidOperation

from django.db import transaction

from partnerbase.core.errors import DomainError
from partnerbase.core.history import record_save
from partnerbase.core.services import same_programme

from .currencies import to_minor
from .models import ExchangeRate, FundingAward, Instrument


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
    if uid:
        entry.uid = uid
    return record_save(entry, actor=actor, reason="Exchange rate added")


def money_to_minor(amount, currency: str, *, field: str = "amount") -> int:
    """Amount as whole minor units, or a DomainError naming `field`."""
    try:
        return to_minor(Decimal(amount), currency)
    except (InvalidOperation, ValueError) as exc:
        raise DomainError(
            str(exc) if isinstance(exc, ValueError) else f"{amount!r} is not an amount of money.",
            field=field,
        ) from exc


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
    award = FundingAward(
        programme=programme,
        title=title,
        instrument=instrument,
        amount_minor=money_to_minor(amount, currency),
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
        illustrative=illustrative,
    )
    if uid:
        award.uid = uid
    return record_save(award, actor=actor, reason="Funding award recorded")
