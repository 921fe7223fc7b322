"""A programme's grants and prizes as a 360Giving data package (JSON) or spreadsheet (CSV).

Only confirmed grants and prizes: 360Giving publishes grants. Social loans, equity, match
funding (whose instrument the ledger does not know) and in-kind support are left out.
"""

import csv
import io
import json
from datetime import date
from decimal import Decimal

from django.db.models import QuerySet
from django.utils import timezone

from partnerbase.directory.models import Organisation
from partnerbase.funding.models import FundingAward, Instrument

from . import columns
from .schema import SCHEMA_VERSION

GRANT_INSTRUMENTS = (Instrument.GRANT, Instrument.PRIZE)
LICENSE = "https://creativecommons.org/licenses/by/4.0/"


def default_prefix(programme) -> str:
    return programme.slug


def clean_prefix(prefix: str) -> str:
    """`iep`, `360G-iep` and `360G-iep-` all mean the publisher prefix `iep`."""
    text = prefix.strip().strip("-")
    return text[5:] if text.lower().startswith("360g-") else text


def grant_awards(programme) -> QuerySet:
    return (
        FundingAward.objects.filter(
            programme=programme, instrument__in=GRANT_INSTRUMENTS, confirmed=True
        )
        .select_related("funder", "recipient", "grant_details")
        .prefetch_related("funder__identifiers", "recipient__identifiers")
        .order_by("award_date", "id")
    )


def organisation_id(organisation, prefix: str) -> str:
    """The org-id identifier, or the 360G- one 360Giving recommends when there is none."""
    identifiers = list(organisation.identifiers.all())
    if identifiers:
        return str(identifiers[0])
    return f"360G-{prefix}-org-{organisation.uid}"


def grant_id(award, prefix: str) -> str:
    details = getattr(award, "grant_details", None)
    if details and details.original_id:
        return details.original_id
    return f"360G-{prefix}-{award.uid}"


def number(amount: Decimal) -> int | Decimal:
    return int(amount) if amount == amount.to_integral_value() else amount


def _organisation(organisation, published_id, fields, prefix) -> dict:
    entry = {"id": published_id or organisation_id(organisation, prefix), "name": organisation.name}
    entry.update(fields)
    return entry


def grant_json(award, *, prefix: str, programme) -> dict:
    details = getattr(award, "grant_details", None)
    grant = {
        "id": grant_id(award, prefix),
        "title": award.title,
        "description": award.description or award.title,
        "currency": award.currency,
        "amountAwarded": number(award.amount),
        "awardDate": award.award_date.isoformat(),
    }
    recipients = [
        _organisation(
            award.recipient,
            details and details.recipient_org_id,
            details.recipient_fields if details else {},
            prefix,
        )
    ]
    funders = [
        _organisation(
            award.funder,
            details and details.funding_org_id,
            details.funder_fields if details else {},
            prefix,
        )
    ]
    extra = dict(details.extra) if details else {}
    # Second and later recipients / funders of an imported grant are kept in `extra`.
    recipients += extra.pop("recipientOrganization", [])
    funders += extra.pop("fundingOrganization", [])
    grant["recipientOrganization"] = recipients
    grant["fundingOrganization"] = funders
    if details and details.planned_dates:
        grant["plannedDates"] = details.planned_dates
    if details and details.beneficiary_locations:
        grant["beneficiaryLocation"] = details.beneficiary_locations
    if details and details.grant_programmes:
        grant["grantProgramme"] = details.grant_programmes
    else:
        grant["grantProgramme"] = [{"code": programme.slug, "title": programme.name}]
    if details and details.classifications:
        grant["classifications"] = details.classifications
    for key, value in extra.items():
        grant.setdefault(key, value)
    if not details or not details.original_id:
        grant.setdefault("dateModified", award.updated_at.isoformat(timespec="seconds"))
    return grant


def package_json(programme, *, prefix: str | None = None, awards=None, today=None) -> dict:
    prefix = clean_prefix(prefix or default_prefix(programme))
    awards = grant_awards(programme) if awards is None else awards
    today = today or timezone.localdate()
    conveners = programme_publisher(programme)
    package = {
        "version": SCHEMA_VERSION,
        "title": f"{programme.name}: grants and prizes",
        "description": (
            f"Grants and prizes recorded in Partnerbase for {programme.name}, "
            "in the 360Giving Data Standard."
        ),
        "identifier": f"360G-{prefix}-{today.isoformat()}",
        "issued": today.isoformat(),
        "modified": today.isoformat(),
        "publisher": conveners,
        "license": LICENSE,
        "grants": [grant_json(a, prefix=prefix, programme=programme) for a in awards],
    }
    return package


def programme_publisher(programme) -> dict:
    convener = (
        Organisation.objects.filter(programme=programme, convenes_programme=True)
        .prefetch_related("identifiers")
        .order_by("name")
        .first()
    )
    if convener is None:
        return {"name": programme.name}
    publisher = {"name": convener.name}
    identifiers = list(convener.identifiers.all())
    if identifiers:
        publisher["identifier"] = str(identifiers[0])
    if convener.website:
        publisher["website"] = convener.website
    return publisher


def _plain(value):
    if isinstance(value, Decimal):
        return number(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON")


def package_text(package: dict) -> str:
    return json.dumps(package, indent=2, ensure_ascii=False, default=_plain) + "\n"


def package_csv(package: dict) -> str:
    """The grants as one 360Giving spreadsheet sheet: the standard's column titles, in the
    schema's order, for every column any grant fills (and the required ones)."""
    rows = [columns.flatten(g) for g in package["grants"]]
    used = {title for row in rows for title in row}
    required = {
        "Identifier",
        "Title",
        "Description",
        "Currency",
        "Amount Awarded",
        "Award Date",
        "Recipient Org:Identifier",
        "Recipient Org:Name",
        "Funding Org:Identifier",
        "Funding Org:Name",
    }
    titles = [c.title for c in columns.columns() if c.title in used | required]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(titles)
    for row in rows:
        writer.writerow(["" if row.get(t) is None else columns.cell_text(row[t]) for t in titles])
    return out.getvalue()
