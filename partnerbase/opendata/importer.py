"""Bring a funder's 360Giving file into the funding ledger, all or nothing.

Checks everything first (the official schema, then the ledger's own rules) and reports
every problem by grant or row; only a clean file is saved, in one transaction, through
the same services the forms use.
"""

import re
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.db import transaction
from django.utils.text import slugify

from partnerbase.core.currencies import exponent, from_minor, is_currency
from partnerbase.core.errors import DomainError
from partnerbase.core.limits import MAX_MINOR, date_problem
from partnerbase.directory import orgid
from partnerbase.directory.models import Organisation, OrganisationIdentifier
from partnerbase.directory.services import organisation_create
from partnerbase.funding.models import FundingAward
from partnerbase.funding.services import funding_award_change, funding_award_record
from partnerbase.programmes.models import Programme
from partnerbase.programmes.services import programme_create

from .models import GrantDetails
from .orgkinds import recipient_kind
from .reading import ImportFailed, Source
from .schema import schema_errors
from .services import grant_details_set

# Spreadsheet tools write 41133.77 as 41133.770000000004; anything finer than this is
# floating-point noise, not money.
FLOAT_NOISE = Decimal("0.000001")
MODELLED = {
    "id",
    "title",
    "description",
    "currency",
    "amountAwarded",
    "awardDate",
    "recipientOrganization",
    "fundingOrganization",
    "beneficiaryLocation",
    "classifications",
    "grantProgramme",
    "plannedDates",
}


# The ids `export-360giving` gives what it did not import: 360G-<prefix>-<award uid> and
# 360G-<prefix>-org-<organisation uid>. A programme's own file read back finds them.
_UUID = r"([0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12})"
EXPORTED_GRANT = re.compile(rf"^360G-.+-{_UUID}$")
EXPORTED_ORG = re.compile(rf"^360G-.+-org-{_UUID}$")


@dataclass
class ImportResult:
    programme: Programme
    created_programme: bool
    grants: int  # created
    organisations: int
    totals: dict  # currency -> Decimal, of the grants created
    updated: list[str] = field(default_factory=list)  # held already, changed by the file
    skipped: list[str] = field(default_factory=list)  # held already, the same in the file


def exact_amount(value, currency: str) -> Decimal:
    """The amount in whole minor units of `currency`, or ValueError."""
    amount = value if isinstance(value, Decimal) else Decimal(str(value))
    if not amount.is_finite():
        raise ValueError(f"{value} is not an amount of money.")
    biggest = from_minor(MAX_MINOR, currency)
    if amount.copy_abs() > biggest:  # before quantize(), which cannot hold 1e30 to the penny
        raise ValueError(
            f"{value} is more than the most Partnerbase records in one amount, "
            f"{biggest:,f} {currency}."
        )
    rounded = amount.quantize(Decimal(1).scaleb(-exponent(currency)))
    if abs(amount - rounded) > FLOAT_NOISE:
        raise ValueError(f"{value} has more decimal places than {currency} allows.")
    if rounded <= 0:
        raise ValueError(f"{value} is not more than 0: the ledger records money given.")
    return rounded


def jsonable(value):
    """Decimals from the parser as JSON numbers, for the JSON fields."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [jsonable(v) for v in value]
    return value


def award_date(grant: dict) -> date:
    """The day of a grant's awardDate (a date or a date-time), or ValueError."""
    text = grant["awardDate"]
    try:
        day = date.fromisoformat(text[:10])
    except ValueError:
        raise ValueError(f"{text[:40]!r} is not a real date.") from None
    if problem := date_problem(day):
        raise ValueError(f"{problem}.")
    return day


def held_awards(programme: Programme | None, ids) -> dict[str, FundingAward]:
    """The programme's awards that a file's grant ids name: imported with that id, or
    exported with it (360G-<prefix>-<award uid>)."""
    if programme is None:
        return {}
    ids = set(ids)
    held = {
        d.original_id: d.award
        for d in GrantDetails.objects.filter(
            award__programme=programme, original_id__in=ids
        ).select_related("award")
    }
    by_uid = {}
    for grant_id in ids - set(held):
        match = EXPORTED_GRANT.match(grant_id)
        if match:
            by_uid[uuid.UUID(match.group(1))] = grant_id
    for award in FundingAward.objects.filter(programme=programme, uid__in=list(by_uid)):
        held[by_uid[award.uid]] = award
    return held


def _problems(source: Source, programme: Programme | None) -> list[str]:
    problems = [f"{source.labels[n]}: {title}: {msg}" for n, title, msg in source.cell_problems]
    package = {**source.metadata, "grants": source.grants}
    unreadable = {f"{source.labels[n]}: {title}" for n, title, _ in source.cell_problems}
    for error in schema_errors(package):
        where = source.where(error.grant_index, error.grant_path)
        if where not in unreadable:  # already reported as a cell that could not be read
            problems.append(f"{where}: {error.message}")
    if problems:
        return problems
    ids = Counter(g["id"] for g in source.grants)
    for n, grant in enumerate(source.grants):
        if ids[grant["id"]] > 1:
            problems.append(f"{source.where(n, ('id',))}: appears more than once in the file.")
        if not is_currency(grant["currency"]):
            problems.append(
                f"{source.where(n, ('currency',))}: {grant['currency']!r} is not an ISO 4217 "
                "currency code, like GBP."
            )
            continue
        try:
            award_date(grant)
        except ValueError as exc:
            problems.append(f"{source.where(n, ('awardDate',))}: {exc}")
        if "recipientIndividual" in grant:
            problems.append(
                f"{source.where(n, ('recipientIndividual',))}: grants to individuals are not "
                "imported (the ledger records organisations)."
            )
        try:
            exact_amount(grant["amountAwarded"], grant["currency"])
        except ValueError as exc:
            problems.append(f"{source.where(n, ('amountAwarded',))}: {exc}")
    return problems


class _Organisations:
    """Finds each published organisation in the programme, or creates it once."""

    def __init__(self, actor, programme):
        self.actor, self.programme, self.found, self.created = actor, programme, {}, 0

    def get(self, entry: dict, *, funder: bool):
        published = entry["id"].strip()
        if published in self.found:
            return self.found[published]
        try:
            parsed = orgid.parse(published)
        except orgid.InvalidOrgId:
            parsed = None
        organisation = None
        exported = EXPORTED_ORG.match(published)
        if exported:  # the programme's own, as export-360giving named it
            organisation = Organisation.objects.filter(
                programme=self.programme, uid=exported.group(1)
            ).first()
        if organisation is None and parsed:
            match = OrganisationIdentifier.objects.filter(
                organisation__programme=self.programme,
                scheme=parsed.scheme,
                identifier=parsed.identifier,
            ).first()
            organisation = match.organisation if match else None
        if organisation is None:
            organisation = self._published_before(published, funder=funder)
        if organisation is None:
            kind = "funder" if funder else recipient_kind(published, entry)
            organisation = organisation_create(
                actor=self.actor,
                programme=self.programme,
                name=entry["name"][:200],
                kind=kind,
                identifiers=[str(parsed)] if parsed else [],
                website=entry.get("url", "") if funder else "",
            )
            self.created += 1
        self.found[published] = organisation
        return organisation

    def _published_before(self, published: str, *, funder: bool):
        details = GrantDetails.objects.filter(award__programme=self.programme).select_related(
            "award__funder", "award__recipient"
        )
        if funder:
            hit = details.filter(funding_org_id=published).first()
            return hit.award.funder if hit else None
        hit = details.filter(recipient_org_id=published).first()
        return hit.award.recipient if hit else None


def _funder_slug(source: Source) -> str:
    return slugify(source.grants[0]["fundingOrganization"][0]["name"])[:70] or "360giving"


def _new_programme(actor, source: Source, slug: str | None) -> Programme:
    funder = source.grants[0]["fundingOrganization"][0]["name"]
    chosen = slug or _funder_slug(source)
    dates = [award_date(g) for g in source.grants]
    currency = Counter(g["currency"] for g in source.grants).most_common(1)[0][0]
    return programme_create(
        actor=actor,
        name=f"{funder} grants"[:200],
        slug=chosen,
        starts_on=min(dates),
        ends_on=max(dates),
        reference_currency=currency,
        display_currencies="",
        description=f"Imported from a 360Giving file published by {funder}.",
    )


def _changes(award: FundingAward, grant: dict) -> dict:
    """What the file says of a grant held already, where it differs from the award."""
    said = {
        "title": grant["title"],
        # The export writes the title as the description of an award that has none.
        "description": "" if grant["description"] == award.title else grant["description"],
        "amount": exact_amount(grant["amountAwarded"], grant["currency"]),
        "currency": grant["currency"],
        "award_date": award_date(grant),
    }
    return {k: v for k, v in said.items() if getattr(award, k) != v}


def _save_grant(actor, programme, orgs: _Organisations, grant: dict, held=None):
    funder_entry, *more_funders = grant["fundingOrganization"]
    recipient_entry, *more_recipients = grant["recipientOrganization"]
    if held is not None:
        award = funding_award_change(actor=actor, award=held, **_changes(held, grant))
        if not hasattr(award, "grant_details"):
            return award  # the programme's own award, exported: its details are the ledger's
    else:
        award = funding_award_record(
            actor=actor,
            programme=programme,
            title=grant["title"],
            description=grant["description"],
            instrument="grant",
            amount=exact_amount(grant["amountAwarded"], grant["currency"]),
            currency=grant["currency"],
            award_date=award_date(grant),
            funder=orgs.get(funder_entry, funder=True),
            recipient=orgs.get(recipient_entry, funder=False),
        )
    extra = {k: v for k, v in grant.items() if k not in MODELLED}
    if more_funders:
        extra["fundingOrganization"] = more_funders
    if more_recipients:
        extra["recipientOrganization"] = more_recipients
    grant_details_set(
        actor=actor,
        award=award,
        original_id=grant["id"],
        recipient_org_id=recipient_entry["id"],
        funding_org_id=funder_entry["id"],
        recipient_fields=jsonable({k: v for k, v in recipient_entry.items() if k != "id"}),
        funder_fields=jsonable({k: v for k, v in funder_entry.items() if k != "id"}),
        beneficiary_locations=jsonable(grant.get("beneficiaryLocation", [])),
        classifications=jsonable(grant.get("classifications", [])),
        grant_programmes=jsonable(grant.get("grantProgramme", [])),
        planned_dates=jsonable(grant.get("plannedDates", [])),
        extra=jsonable(extra),
    )
    return award


def _programme(slug: str | None, create: bool) -> Programme | None:
    """The programme `slug` names; None when a new one is to be made, which an unknown
    slug needs `create` for, so a mistyped slug does not make a programme."""
    if not slug:
        return None
    try:
        validate_slug(slug)
    except ValidationError:
        raise ImportFailed(
            [f"{slug[:60]!r} is not a programme's slug: use letters, numbers, - and _."]
        ) from None
    programme = Programme.objects.filter(slug=slug).first()
    if programme is None and not create:
        raise ImportFailed(
            [
                f"No programme has the slug {slug!r}: check it, or ask for a new programme "
                "(--create)."
            ]
        )
    return programme


def grants_import(
    *, actor, source: Source, slug: str | None = None, create: bool = False
) -> ImportResult:
    """Import every grant in `source` into the programme `slug` (made, named after the
    funder, when there is no slug, or with `create` when the slug is new), or raise
    ImportFailed having saved nothing. A grant the programme holds already (the same id)
    is updated when the file differs and skipped when it does not: never a second copy."""
    programme = _programme(slug, create)
    problems = _problems(source, programme)
    if not slug and not problems:
        named = _funder_slug(source)
        if Programme.objects.filter(slug=named).exists():
            # Its grants may be held there already: a second programme would double them.
            problems.append(
                f"A programme has the slug {named!r} already: import into it with --programme "
                f"{named}, or name a new programme with --programme SLUG --create."
            )
    if problems:
        raise ImportFailed(problems)
    held = held_awards(programme, (g["id"] for g in source.grants))
    updated, skipped = [], []
    with transaction.atomic():
        created = programme is None
        if created:
            programme = _new_programme(actor, source, slug)
        orgs = _Organisations(actor, programme)
        totals: dict[str, Decimal] = {}
        for n, grant in enumerate(source.grants):
            before = held.get(grant["id"])
            if before is not None and not _changes(before, grant):
                skipped.append(grant["id"])
                continue
            try:
                award = _save_grant(actor, programme, orgs, grant, held=before)
            except DomainError as exc:
                problems.append(f"{source.where(n, (exc.field,) if exc.field else ())}: {exc}")
                continue
            except ValidationError as exc:
                for name, messages in exc.message_dict.items():
                    problems.append(f"{source.where(n, (name,))}: {' '.join(messages)}")
                continue
            if before is not None:
                updated.append(grant["id"])
            else:
                totals[award.currency] = totals.get(award.currency, Decimal(0)) + award.amount
        if problems:
            transaction.set_rollback(True)
            raise ImportFailed(problems)
    made = len(source.grants) - len(updated) - len(skipped)
    return ImportResult(programme, created, made, orgs.created, totals, updated, skipped)
