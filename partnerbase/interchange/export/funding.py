"""The funding ledger: awards (with their 360Giving details), disbursements, repayments."""

from collections.abc import Iterator

from partnerbase.funding.models import Disbursement, FundingAward, LoanRepayment
from partnerbase.opendata.models import GrantDetails
from partnerbase.opendata.services import DETAIL_FIELDS
from partnerbase.programmes.models import Programme

from ..format import date_text, decimal_text, id_text, json_value, sorted_by_id
from .core import money
from .rows import by_id


def grant_details(details: GrantDetails | None) -> dict | None:
    if details is None:
        return None
    fields = {name: json_value(getattr(details, name)) for name in DETAIL_FIELDS}
    return {"id": str(details.uid), **fields, "illustrative": details.illustrative}


def _details(award: FundingAward) -> GrantDetails | None:
    try:
        return award.grant_details
    except GrantDetails.DoesNotExist:
        return None


def funding_awards(p: Programme) -> Iterator[dict]:
    rows = FundingAward.objects.filter(programme=p).select_related(
        "funder", "recipient", "via_partnership", "via_intermediary", "grant_details"
    )
    return (  # in id order: see rows.by_id
        {
            "id": str(a.uid),
            "title": a.title,
            "description": a.description,
            "instrument": a.instrument,
            "amount": money(a.amount_minor, a.currency),
            "award_date": date_text(a.award_date),
            "confirmed": a.confirmed,
            "funder": id_text(a.funder),
            "recipient": id_text(a.recipient),
            "via_partnership": id_text(a.via_partnership),
            "via_intermediary": id_text(a.via_intermediary),
            "interest_rate_percent": decimal_text(a.interest_rate_percent),
            "term_months": a.term_months,
            "repayment_method": a.repayment_method or None,
            "first_repayment_on": date_text(a.first_repayment_on),
            "grant_details": grant_details(_details(a)),
            "illustrative": a.illustrative,
        }
        for a in by_id(rows)
    )


def disbursements(p: Programme) -> list[dict]:
    rows = Disbursement.objects.filter(award__programme=p).select_related("award")
    return sorted_by_id(
        {
            "id": str(d.uid),
            "award": id_text(d.award),
            "kind": d.kind,
            "on": date_text(d.on),
            "amount": money(d.amount_minor, d.award.currency),
            "notes": d.notes,
            "illustrative": d.illustrative,
        }
        for d in rows
    )


def loan_repayments(p: Programme) -> list[dict]:
    rows = LoanRepayment.objects.filter(award__programme=p).select_related("award")
    return sorted_by_id(
        {
            "id": str(r.uid),
            "award": id_text(r.award),
            "paid_on": date_text(r.paid_on),
            "amount": money(r.amount_minor, r.award.currency),
            "notes": r.notes,
            "illustrative": r.illustrative,
        }
        for r in rows
    )
