"""A funding award's 360Giving details, whose fields are opendata's own list."""

from partnerbase.funding.models import FundingAward
from partnerbase.opendata.models import GrantDetails
from partnerbase.opendata.services import DETAIL_FIELDS

from ..format import json_value


def grant_details(award: FundingAward) -> dict | None:
    try:
        details = award.grant_details
    except GrantDetails.DoesNotExist:
        return None
    fields = {name: json_value(getattr(details, name)) for name in DETAIL_FIELDS}
    return {"id": str(details.uid), **fields, "illustrative": details.illustrative}
