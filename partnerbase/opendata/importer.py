"""Bring a funder's 360Giving file into the funding ledger, all or nothing.

Checks everything first (the official schema, then the ledger's own rules) and reports
every problem by grant or row; only a clean file is saved, in one transaction, through
the same services the forms use.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from partnerbase.core.currencies import exponent
from partnerbase.core.errors import DomainError
from partnerbase.directory import orgid
from partnerbase.directory.models import OrganisationIdentifier
from partnerbase.directory.services import organisation_create
from partnerbase.funding.services import funding_award_record
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
    "id", "title", "description", "currency", "amountAwarded", "awardDate",
    "recipientOrganization", "fundingOrganization", "beneficiaryLocation", "classifications",
    "grantProgramme", "plannedDates",
}  # fmt: skip


@dataclass
class ImportResult:
    programme: Programme
    created_programme: bool
    grants: int
    organisations: int
    totals: dict  # currency -> Decimal


def exact_amount(value, currency: str) -> Decimal:
    """The amount in whole minor units of `currency`, or ValueError."""
    amount = value if isinstance(value, Decimal) else Decimal(str(value))
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
    taken = set()
    if programme is not None:
        taken = set(
            GrantDetails.objects.filter(
                award__programme=programme, original_id__in=list(ids)
            ).values_list("original_id", flat=True)
        )
    for n, grant in enumerate(source.grants):
        if ids[grant["id"]] > 1:
            problems.append(f"{source.where(n, ('id',))}: appears more than once in the file.")
        if grant["id"] in taken:
            problems.append(f"{source.where(n, ('id',))}: already imported into {programme.slug}.")
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
        if parsed:
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


def _new_programme(actor, source: Source, slug: str | None) -> Programme:
    funder = source.grants[0]["fundingOrganization"][0]["name"]
    base = slug or slugify(funder)[:70] or "360giving"
    chosen, n = base, 1
    while Programme.objects.filter(slug=chosen).exists():
        n += 1
        chosen = f"{base}-{n}"
    dates = [date.fromisoformat(g["awardDate"][:10]) for g in source.grants]
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


def _save_grant(actor, programme, orgs: _Organisations, grant: dict):
    funder_entry, *more_funders = grant["fundingOrganization"]
    recipient_entry, *more_recipients = grant["recipientOrganization"]
    award = funding_award_record(
        actor=actor,
        programme=programme,
        title=grant["title"],
        description=grant["description"],
        instrument="grant",
        amount=exact_amount(grant["amountAwarded"], grant["currency"]),
        currency=grant["currency"],
        award_date=date.fromisoformat(grant["awardDate"][:10]),
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


def grants_import(*, actor, source: Source, slug: str | None = None) -> ImportResult:
    """Import every grant in `source` into the programme `slug` (created when it does not
    exist, named after the funder), or raise ImportFailed having saved nothing."""
    programme = Programme.objects.filter(slug=slug).first() if slug else None
    problems = _problems(source, programme)
    if problems:
        raise ImportFailed(problems)
    with transaction.atomic():
        created = programme is None
        if created:
            programme = _new_programme(actor, source, slug)
        orgs = _Organisations(actor, programme)
        totals: dict[str, Decimal] = {}
        for n, grant in enumerate(source.grants):
            try:
                award = _save_grant(actor, programme, orgs, grant)
            except DomainError as exc:
                problems.append(f"{source.where(n, (exc.field,) if exc.field else ())}: {exc}")
                continue
            except ValidationError as exc:
                for name, messages in exc.message_dict.items():
                    problems.append(f"{source.where(n, (name,))}: {' '.join(messages)}")
                continue
            totals[award.currency] = totals.get(award.currency, Decimal(0)) + award.amount
        if problems:
            transaction.set_rollback(True)
            raise ImportFailed(problems)
    return ImportResult(programme, created, len(source.grants), orgs.created, totals)
