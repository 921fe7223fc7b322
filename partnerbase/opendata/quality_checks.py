"""The per-grant checks of 360Giving's data quality tool, one `Check` each (see quality.py)."""

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

from partnerbase.directory.orgid import known_lists

ACCURACY, USEFULNESS = "accuracy", "usefulness"

EMAIL = re.compile(r"[\w.-]+@[\w.-]+\.[\w.-]+")
POSTCODE = re.compile(r"^\s*[a-z]{1,2}\d[a-z\d]?\s*\d[a-z]{2}\s*$", re.IGNORECASE)
COMPANY_NUMBER = re.compile(r"^\w{8}$")
DATE_FIELDS = {
    "awardDate": ("awardDate",),
    "plannedDates/0/startDate": ("plannedDates", 0, "startDate"),
    "plannedDates/0/endDate": ("plannedDates", 0, "endDate"),
    "actualDates/0/startDate": ("actualDates", 0, "startDate"),
    "actualDates/0/endDate": ("actualDates", 0, "endDate"),
}


@dataclass(frozen=True)
class Check:
    name: str
    kind: str
    heading: str
    advice: str
    # Locations (within one grant) the check objects to.
    test: Callable[[dict, date], list[str]]


def orgs(grant, key) -> Iterator[tuple[int, dict]]:
    orgs = grant.get(key) or []
    return ((n, o) for n, o in enumerate(orgs) if isinstance(o, dict))


def _charity_number(value) -> bool:
    text = str(value)
    text = text[2:] if text[:2].isalpha() else text
    return text.isdigit() and len(text) in (6, 7)


def _company_number(value) -> bool:
    return bool(COMPANY_NUMBER.match(str(value)))


def _postcode(value) -> bool:
    return bool(POSTCODE.match(str(value or "")))


def _prefix_known(org_id: str) -> bool:
    codes = [c.lower() for c in known_lists()] + ["360g"]
    return any(str(org_id).lower().startswith(code) for code in codes)


def _date(grant, path) -> tuple[date | None, bool]:
    """The date at `path` (day precision) and whether it is an impossible calendar date."""
    value = grant
    for part in path:
        if isinstance(part, int):
            value = value[part] if isinstance(value, list) and len(value) > part else None
        else:
            value = value.get(part) if isinstance(value, dict) else None
    if not isinstance(value, str) or not re.match(r"^\d{4}-\d{2}-\d{2}", value):
        return None, False
    try:
        return date.fromisoformat(value[:10]), False
    except ValueError:
        return None, True


def _years_from(today: date, years: int) -> date:
    try:
        return today.replace(year=today.year + years)
    except ValueError:  # 29 February
        return today.replace(year=today.year + years, day=28)


def _dates(grant, names) -> list[tuple[str, date]]:
    found = []
    for name in names:
        value, _ = _date(grant, DATE_FIELDS[name])
        if value:
            found.append((name, value))
    return found


def _id_looks_invalid(org_id: str) -> bool:
    upper = org_id.upper()
    if upper.startswith("GB-CHC-"):
        return not _charity_number(org_id[7:])
    if upper.startswith("GB-COH-"):
        return not COMPANY_NUMBER.match(org_id[7:])
    return False


def _strings(value, path="") -> Iterator[tuple[str, str]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{path}/{key}")
    elif isinstance(value, list):
        for n, item in enumerate(value):
            yield from _strings(item, f"{path}/{n}")
    elif isinstance(value, str):
        yield path, value


def _ordered(grant, kind, today):
    start, _ = _date(grant, (kind, 0, "startDate"))
    end, _ = _date(grant, (kind, 0, "endDate"))
    return [f"{kind}/0/startDate"] if start and end and start > end else []


GRANT_CHECKS = [
    Check(
        "ZeroAmount", ACCURACY, "a value of £0",
        "Check whether these grants belong in the data; if they do, say why in the description.",
        lambda g, t: ["amountAwarded"] if g.get("amountAwarded") == 0 else [],
    ),
    Check(
        "FundingOrgUnrecognisedPrefix", ACCURACY,
        "a Funding Org:Identifier that does not draw from a recognised register",
        "Use an org-id list code (https://org-id.guide) such as GB-CHC or GB-COH, or 360G-.",
        lambda g, t: [f"fundingOrganization/{n}/id" for n, o in orgs(g, "fundingOrganization")
                      if not _prefix_known(o.get("id", ""))],
    ),
    Check(
        "RecipientOrgUnrecognisedPrefix", ACCURACY,
        "a Recipient Org:Identifier that does not draw from a recognised register",
        "Use an org-id list code (https://org-id.guide) such as GB-CHC or GB-COH, or 360G-.",
        lambda g, t: [f"recipientOrganization/{n}/id" for n, o in orgs(g, "recipientOrganization")
                      if not _prefix_known(o.get("id", ""))],
    ),
    Check(
        "RecipientOrgCharityNumber", ACCURACY,
        "a Recipient Org:Charity Number that doesn't look like a UK charity number",
        "UK charity numbers have 6 or 7 digits; check for typos at findthatcharity.uk.",
        lambda g, t: [f"recipientOrganization/{n}/charityNumber"
                      for n, o in orgs(g, "recipientOrganization")
                      if "charityNumber" in o and not _charity_number(o["charityNumber"])],
    ),
    Check(
        "RecipientOrgCompanyNumber", ACCURACY,
        "a Recipient Org:Company Number that doesn't look like a company number",
        "UK company numbers have 8 characters, like 09876543 or SC123459.",
        lambda g, t: [f"recipientOrganization/{n}/companyNumber"
                      for n, o in orgs(g, "recipientOrganization")
                      if "companyNumber" in o and not _company_number(o["companyNumber"])],
    ),
    Check(
        "OrganizationIdLooksInvalid", ACCURACY,
        "a Funding or Recipient Org identifier that might not be valid",
        "A GB-CHC identifier needs a charity number and a GB-COH one a company number.",
        lambda g, t: [f"{key}/{n}/id" for key in ("fundingOrganization", "recipientOrganization")
                      for n, o in orgs(g, key) if _id_looks_invalid(str(o.get("id", "")))],
    ),
    Check(
        "OrganizationIdUnexpectedChars", ACCURACY,
        "an organisation identifier with unexpected characters (line breaks)",
        "Remove line breaks: 360Giving's tools leave such grants out.",
        lambda g, t: [f"{key}/{n}/id" for key in ("fundingOrganization", "recipientOrganization")
                      for n, o in orgs(g, key) if "\n" in str(o.get("id", ""))],
    ),
    Check(
        "GrantIdUnexpectedChars", ACCURACY,
        "a grant identifier with unexpected characters (line breaks)",
        "Remove line breaks: 360Giving's tools leave such grants out.",
        lambda g, t: ["id"] if "\n" in str(g.get("id", "")) else [],
    ),
    Check(
        "LooksLikeEmail", ACCURACY, "text that looks like an email address",
        "An email address of a person is personal data: remove it unless they agreed.",
        lambda g, t: [p[1:] for p, v in _strings(g) if "email" not in p and EMAIL.search(v)],
    ),
    Check(
        "ImpossibleDates", ACCURACY, "dates that don't exist",
        "Such as 31 September or 29 February in a year that is not a leap year.",
        lambda g, t: [n for n, p in DATE_FIELDS.items() if _date(g, p)[1]][:1],
    ),
    Check(
        "PlannedStartDateBeforeEndDate", ACCURACY,
        "a Planned Dates:Start Date after its Planned Dates:End Date",
        "The dates may be reversed or mistyped.",
        lambda g, t: _ordered(g, "plannedDates", t),
    ),
    Check(
        "ActualStartDateBeforeEndDate", ACCURACY,
        "an Actual Dates:Start Date after its Actual Dates:End Date",
        "The dates may be reversed or mistyped.",
        lambda g, t: _ordered(g, "actualDates", t),
    ),
    Check(
        "FarFuturePlannedDates", ACCURACY, "Planned Dates over 12 years in the future",
        "Check for typing mistakes unless the activity really runs that long.",
        lambda g, t: [n for n, d in _dates(g, list(DATE_FIELDS)[1:3])
                      if d > _years_from(t, 12)][:1],
    ),
    Check(
        "FarFutureActualDates", ACCURACY, "Actual Dates over 5 years in the future",
        "Check for typing mistakes.",
        lambda g, t: [n for n, d in _dates(g, list(DATE_FIELDS)[3:]) if d > _years_from(t, 5)][:1],
    ),
    Check(
        "FarPastDates", ACCURACY, "dates over 25 years ago",
        "Check for typing mistakes unless the data really is that old.",
        lambda g, t: [n for n, d in _dates(g, DATE_FIELDS) if d < _years_from(t, -25)][:1],
    ),
    Check(
        "PostDatedAwardDates", ACCURACY, "an Award Date in the future",
        "The award date is when the decision was made, so it is normally in the past.",
        lambda g, t: [n for n, d in _dates(g, ["awardDate"]) if d > t],
    ),
    Check(
        "RecipientIndDEI", ACCURACY, "a recipient individual and DEI information",
        "Never publish diversity information about individuals.",
        lambda g, t: ["recipientIndividual/id"] if "recipientIndividual" in g and "project" in g
        else [],
    ),
    Check(
        "GeoCodePostcode", ACCURACY, "a Geographic Code that looks like a postcode",
        "Never publish postcodes for grants to individuals.",
        lambda g, t: [f"beneficiaryLocation/{n}/geoCode"
                      for n, loc in enumerate(g.get("beneficiaryLocation") or [])
                      if "recipientIndividual" in g and _postcode(loc.get("geoCode"))],
    ),
    Check(
        "RecipientOrg360GPrefix", USEFULNESS, "a Recipient Org:Identifier that starts '360G-'",
        "Use a charity or company number whenever the recipient has one.",
        lambda g, t: [f"recipientOrganization/{n}/id" for n, o in orgs(g, "recipientOrganization")
                      if str(o.get("id", "")).lower().startswith("360g")],
    ),
    Check(
        "FundingOrg360GPrefix", USEFULNESS, "a Funding Org:Identifier that starts '360G-'",
        "Use the funder's charity or company number whenever it has one.",
        lambda g, t: [f"fundingOrganization/{n}/id" for n, o in orgs(g, "fundingOrganization")
                      if str(o.get("id", "")).lower().startswith("360g")],
    ),
    Check(
        "NoRecipientOrgCompanyCharityNumber", USEFULNESS,
        "no Recipient Org:Company Number or Recipient Org:Charity Number",
        "Ignore this if the recipients have neither.",
        lambda g, t: [f"recipientOrganization/{n}/id" for n, o in orgs(g, "recipientOrganization")
                      if not (o.get("companyNumber") or o.get("charityNumber"))],
    ),
    Check(
        "IncompleteRecipientOrg", USEFULNESS, "no recipient organisation location",
        "Give a postal code, or a geographic code and its type.",
        lambda g, t: [f"recipientOrganization/{n}/id" for n, o in orgs(g, "recipientOrganization")
                      if not (o.get("postalCode") or any(
                          isinstance(loc, dict) and loc.get("geoCode") and loc.get("geoCodeType")
                          for loc in o.get("location") or []))],
    ),
    Check(
        "NoGrantProgramme", USEFULNESS, "no Grant Programme",
        "Programme names help people see a funder's priorities.",
        lambda g, t: [] if g.get("grantProgramme") else ["id"],
    ),
    Check(
        "NoBeneficiaryLocation", USEFULNESS, "no beneficiary location",
        "Say where the people who benefit are (a name and geographic code).",
        lambda g, t: [] if g.get("beneficiaryLocation") else ["id"],
    ),
    Check(
        "TitleDescriptionSame", USEFULNESS, "a title and a description that are the same",
        "A fuller description helps people understand the grant.",
        lambda g, t: ["description"] if g.get("title") and g.get("title") == g.get("description")
        else [],
    ),
    Check(
        "TitleLength", USEFULNESS, "a title longer than 140 characters",
        "Keep titles short so people quickly see what the grant is for.",
        lambda g, t: ["title"] if len(str(g.get("title", ""))) > 140 else [],
    ),
    Check(
        "NoLastModified", USEFULNESS, "no Last Modified date",
        "Last Modified lets people reconcile versions of the data.",
        lambda g, t: [] if g.get("dateModified") else ["id"],
    ),
    Check(
        "NoDataSource", USEFULNESS, "no Data Source",
        "A link to where the data came from builds trust in it.",
        lambda g, t: [] if g.get("dataSource") else ["id"],
    ),
    Check(
        "RecipientIndWithoutToIndividualsDetails", USEFULNESS,
        "a recipient individual but no grant purpose or reason",
        "Give the To Individuals Details codes for grants to individuals.",
        lambda g, t: ["recipientIndividual/id"]
        if "recipientIndividual" in g and "toIndividualsDetails" not in g else [],
    ),
    Check(
        "PlannedDurationNotPresent", USEFULNESS, "no planned duration",
        "Give Planned Dates (a duration, or a start and end date).",
        lambda g, t: [] if any(isinstance(p, dict) and (p.get("duration") is not None or (
            p.get("startDate") and p.get("endDate"))) for p in g.get("plannedDates") or [])
        else ["id"],
    ),
]  # fmt: skip
