"""What kind of organisation a 360Giving recipient is, from its identifier's register and
the organisationType the funder gave. 360Giving recipients are mostly civil-society bodies,
so anything unrecognised is taken to be a charity."""

CHARITY_LISTS = {"GB-CHC", "GB-SC", "GB-NIC", "GB-REV"}
PUBLIC_LISTS = {
    "GB-GOR": "government_department",
    "GB-GOV": "government_department",
    "GB-GOVUK": "government_department",
    "GB-LAE": "local_authority",
    "GB-LAS": "local_authority",
    "GB-LANI": "local_authority",
    "GB-PLA": "local_authority",
}


def recipient_kind(published_id: str, entry: dict) -> str:
    scheme = "-".join(published_id.upper().split("-")[:2])
    declared = str(entry.get("organisationType", "")).lower().replace(" ", "")
    if scheme in PUBLIC_LISTS:
        return PUBLIC_LISTS[scheme]
    if "cic" in declared or "communityinterest" in declared:
        return "community_interest_company"
    if scheme in CHARITY_LISTS or "charit" in declared:
        return "charity"
    if scheme == "GB-COH" or declared in {"company", "business"}:
        return "business"
    return "charity"
