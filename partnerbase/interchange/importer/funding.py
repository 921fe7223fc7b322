"""Funding awards with their 360Giving details (a prize's award is made by its prize:
projects.competition_award), and what is paid against an award, in its currency."""

from partnerbase.core.errors import DomainError
from partnerbase.opendata.services import grant_details_set

from ..restore import nested
from ..spec import by_name
from .generic import create

# A missing 360Giving field's value, by kind.
_OBJECTS = ("recipient_fields", "funder_fields", "extra")
_LISTS = ("beneficiary_locations", "classifications", "grant_programmes", "planned_dates")
_TEXTS = ("original_id", "recipient_org_id", "funding_org_id")


def _in_award_currency(award, r: dict, what: str) -> None:
    if r["amount"]["currency"] != award.currency:
        raise DomainError(
            f"{what} is in its award's currency, {award.currency}.", field="amount.currency"
        )


def prize_award_ids(imp) -> set[str]:
    """Funding awards that competition prizes make themselves (competition_awards)."""
    if "prize_award_ids" not in imp.cache:
        awards = imp.data.get("competition_awards", [])
        imp.cache["prize_award_ids"] = {a["funding_award"] for a in awards}
    return imp.cache["prize_award_ids"]


def funding_award(imp, r: dict):
    if r["id"] in prize_award_ids(imp):
        return None  # made with its prize: see projects.competition_award
    award = create(imp, by_name("funding_awards"), r)
    grant_details(imp, award, r)
    return award


def grant_details(imp, award, r: dict) -> None:
    details = r.get("grant_details")
    if not details:
        return
    fields = {name: details.get(name, "") for name in _TEXTS}
    fields.update({name: details.get(name, {}) for name in _OBJECTS})
    fields.update({name: details.get(name, []) for name in _LISTS})
    with nested("grant_details"):
        made = grant_details_set(
            actor=imp.actor,
            award=award,
            illustrative=details.get("illustrative", False),
            uid=details["id"],
            **fields,
        )
    imp.pending[details["id"]] = made


def disbursement(imp, r: dict):
    _in_award_currency(imp.ref(r["award"]), r, "A disbursement")
    return create(imp, by_name("disbursements"), r)


def loan_repayment(imp, r: dict):
    _in_award_currency(imp.ref(r["award"]), r, "A repayment")
    return create(imp, by_name("loan_repayments"), r)
