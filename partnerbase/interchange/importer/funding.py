"""Creating the funding ledger: awards with their 360Giving details, disbursements and
loan repayments."""

from decimal import Decimal
from functools import cached_property

from partnerbase.core.errors import DomainError
from partnerbase.funding import services as funding
from partnerbase.opendata.services import grant_details_set

from ..restore import nested
from .base import file_date as _date

# A missing 360Giving field's value, by kind.
_OBJECTS = ("recipient_fields", "funder_fields", "extra")
_LISTS = ("beneficiary_locations", "classifications", "grant_programmes", "planned_dates")
_TEXTS = ("original_id", "recipient_org_id", "funding_org_id")


def _amount(r: dict) -> Decimal:
    return Decimal(r["amount"]["amount"])


def _in_award_currency(award, r: dict, what: str) -> None:
    if r["amount"]["currency"] != award.currency:
        raise DomainError(
            f"{what} is in its award's currency, {award.currency}.", field="amount.currency"
        )


class FundingSteps:
    @cached_property
    def prize_award_ids(self) -> set[str]:
        """Funding awards that competition prizes make themselves (competition_awards)."""
        return {a["funding_award"] for a in self.data.get("competition_awards", [])}

    def funding_award(self, r: dict):
        if r["id"] in self.prize_award_ids:
            return None  # made with its prize: see ProjectSteps.competition_award
        rate = r.get("interest_rate_percent")
        award = funding.funding_award_record(
            **self.common(r),
            programme=self.programme,
            title=r["title"],
            instrument=r["instrument"],
            amount=_amount(r),
            currency=r["amount"]["currency"],
            award_date=_date(r, "award_date"),
            funder=self.ref(r["funder"]),
            recipient=self.ref(r["recipient"]),
            confirmed=r.get("confirmed", True),
            description=r.get("description", ""),
            via_partnership=self.ref(r.get("via_partnership")),
            via_intermediary=self.ref(r.get("via_intermediary")),
            interest_rate_percent=Decimal(rate) if rate is not None else None,
            term_months=r.get("term_months"),
            repayment_method=r.get("repayment_method") or "",
            first_repayment_on=_date(r, "first_repayment_on"),
        )
        self.grant_details(award, r)
        return award

    def grant_details(self, award, r: dict) -> None:
        details = r.get("grant_details")
        if not details:
            return
        fields = {name: details.get(name, "") for name in _TEXTS}
        fields.update({name: details.get(name, {}) for name in _OBJECTS})
        fields.update({name: details.get(name, []) for name in _LISTS})
        with nested("grant_details"):
            made = grant_details_set(
                actor=self.actor,
                award=award,
                illustrative=details.get("illustrative", False),
                uid=details["id"],
                **fields,
            )
        self.pending[details["id"]] = made

    def disbursement(self, r: dict):
        award = self.ref(r["award"])
        _in_award_currency(award, r, "A disbursement")
        return funding.disbursement_record(
            **self.common(r),
            award=award,
            kind=r["kind"],
            on=_date(r, "on"),
            amount=_amount(r),
            notes=r.get("notes", ""),
        )

    def loan_repayment(self, r: dict):
        award = self.ref(r["award"])
        _in_award_currency(award, r, "A repayment")
        return funding.loan_repayment_record(
            **self.common(r),
            award=award,
            paid_on=_date(r, "paid_on"),
            amount=_amount(r),
            notes=r.get("notes", ""),
        )
