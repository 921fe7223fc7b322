from django.db import transaction

from partnerbase.core.history import record_save

from .models import GrantDetails

DETAIL_FIELDS = (
    "original_id",
    "recipient_org_id",
    "funding_org_id",
    "recipient_fields",
    "funder_fields",
    "beneficiary_locations",
    "classifications",
    "grant_programmes",
    "planned_dates",
    "extra",
)


@transaction.atomic
def grant_details_set(
    *, actor, award, illustrative: bool = False, uid=None, **fields
) -> GrantDetails:
    """Create or change the 360Giving details of a grant or prize (fields as in the model)."""
    unknown = set(fields) - set(DETAIL_FIELDS)
    if unknown:
        raise TypeError(f"Unknown grant details: {', '.join(sorted(unknown))}")
    details = GrantDetails.objects.filter(award=award).first()
    creating = details is None
    if creating:
        details = GrantDetails(award=award, illustrative=illustrative)
        if uid:
            details.uid = uid
    for name, value in fields.items():
        setattr(details, name, value)
    reason = "360Giving details added" if creating else "360Giving details changed"
    return record_save(details, actor=actor, reason=reason)
