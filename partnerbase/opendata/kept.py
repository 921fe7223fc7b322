"""The programme's 360Giving package kept as a file, with what the open-data page shows of
it (counts, totals, validation, quality warnings): written by a task once per change of the
records it is built from (jobs/kept.py), not built and validated on every request (minutes
at a million awards)."""

from dataclasses import asdict

from django.utils import timezone
from django_tasks import task

from partnerbase.core.money import format_money
from partnerbase.directory.models import Organisation, OrganisationIdentifier
from partnerbase.funding.models import FundingAward
from partnerbase.jobs.kept import is_fresh, kept_get, kept_store, kept_wanted, records_stamp
from partnerbase.jobs.models import KeptOutput
from partnerbase.programmes.models import Programme

from .export import package_json, package_text
from .models import GrantDetails
from .quality import Finding, quality_findings
from .schema import SchemaError, schema_errors

NAME = "360giving"
# What package_json reads: their history rows date every change to the package.
STAMPED = (FundingAward, GrantDetails, Organisation, OrganisationIdentifier, Programme)
# The page lists this many schema errors (and counts them all).
SHOWN_ERRORS = 20


def package_stamp() -> str:
    return records_stamp(STAMPED)


def package_kept(programme) -> KeptOutput | None:
    return kept_get(programme, NAME)


def package_wanted(programme, stamp: str) -> KeptOutput | None:
    """The kept package; a build queued unless it is fresh or one is queued already."""
    return kept_wanted(programme, NAME, stamp, build_kept_package)


@task()
def build_kept_package(*, programme_id: int) -> dict:
    """The build as a task on the queue (`partnerbase db_worker`)."""
    programme = Programme.objects.filter(pk=programme_id).first()
    if programme is None:  # deleted since
        return {"programme_id": programme_id, "built": False}
    kept = package_build(programme)
    return {"programme_id": programme_id, "built": True, "grants": kept.data["grant_count"]}


def package_build(programme) -> KeptOutput:
    """Build, validate and keep the package (unless it is fresh already)."""
    stamp = package_stamp()  # before reading: a change made meanwhile leaves it stale
    kept = package_kept(programme)
    if is_fresh(kept, stamp):
        return kept
    package = package_json(programme)
    summary = summary_json(package, errors=schema_errors(package))
    content = package_text(package).encode("utf-8")
    del package  # the largest thing held: a million grants' dicts
    return kept_store(
        programme,
        NAME,
        stamp=stamp,
        data=summary,
        content=content,
        filename=f"{programme.slug}-360giving.json",
    )


def _totals(grants) -> list[str]:
    sums: dict = {}
    for g in grants:
        sums[g["currency"]] = sums.get(g["currency"], 0) + g["amountAwarded"]
    return [format_money(amount, currency) for currency, amount in sorted(sums.items())]


def summary_json(package: dict, *, errors: list[SchemaError]) -> dict:
    """What the page shows of a package, as JSON: kept beside the file. The quality checks
    that look at dates judge them on the day the package was written."""
    findings = quality_findings(package, today=timezone.localdate())
    return {
        "grant_count": len(package["grants"]),
        "totals": _totals(package["grants"]),
        "error_count": len(errors),
        "errors": [[list(e.path), e.message] for e in errors[:SHOWN_ERRORS]],
        "findings": [asdict(f) for f in findings],
    }


def summary_errors(summary: dict) -> list[SchemaError]:
    return [SchemaError(tuple(path), message) for path, message in summary.get("errors", [])]


def summary_findings(summary: dict) -> list[Finding]:
    return [Finding(**f) for f in summary.get("findings", [])]
