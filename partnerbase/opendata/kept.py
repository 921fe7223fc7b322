"""The programme's 360Giving package kept as a file, with what the open-data page shows of
it (counts, totals, validation, quality warnings), written once per change of the records
rather than built and validated on every request.

Freshness is a stamp: the newest history row of each model the package reads (awards,
their 360Giving details, organisations and their identifiers, the programme). Every change
to them writes a history row (core/history.py; imports write theirs too), so the stamp
moves exactly when the package may have changed, and reading it costs five index look-ups.
The stamp is read before building: a change made while the package is written leaves it
stale, never wrong. A page that finds it stale queues one build (`package_wanted`) and
shows the last package, saying when it was written.
"""

import logging
from dataclasses import asdict
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.utils import timezone
from django_tasks import task

from partnerbase.core.money import format_money
from partnerbase.directory.models import Organisation, OrganisationIdentifier
from partnerbase.funding.models import FundingAward
from partnerbase.programmes.models import Programme

from .export import package_json, package_text
from .models import GrantDetails, KeptPackage
from .quality import Finding, quality_findings
from .schema import SchemaError, schema_errors

logger = logging.getLogger(__name__)

# What package_json reads; their history rows date every change to it.
STAMPED = (FundingAward, GrantDetails, Organisation, OrganisationIdentifier, Programme)
# The page lists this many schema errors (and counts them all).
SHOWN_ERRORS = 20


def records_stamp() -> str:
    """The newest history id of each model the package reads, in one query. It covers every
    programme (a change anywhere moves it): cheap and never stale, at the cost of a
    rebuild that was not needed now and then."""
    quote = connection.ops.quote_name
    tables = [quote(m.history.model._meta.db_table) for m in STAMPED]
    sql = "SELECT " + ", ".join(f"(SELECT MAX(history_id) FROM {t})" for t in tables)
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return ".".join(str(n or 0) for n in cursor.fetchone())


def kept_package(programme) -> KeptPackage | None:
    return KeptPackage.objects.filter(programme=programme).first()


def is_fresh(kept: KeptPackage | None, stamp: str) -> bool:
    return kept is not None and kept.built_at is not None and kept.stamp == stamp


def package_wanted(programme, stamp: str) -> KeptPackage | None:
    """Queue a build unless the package is fresh or one is queued for this stamp already (or
    queued so long ago that its worker was lost); the kept package, as it is now."""
    kept = kept_package(programme)
    if is_fresh(kept, stamp):
        return kept
    lost = timezone.now() - timedelta(minutes=settings.JOB_STALE_MINUTES)
    if kept is not None and kept.wanted == stamp and kept.wanted_at and kept.wanted_at > lost:
        return kept
    KeptPackage.objects.update_or_create(
        programme=programme, defaults={"wanted": stamp, "wanted_at": timezone.now()}
    )
    build_kept_package.enqueue(programme_id=programme.pk)
    return kept_package(programme)  # built already where tasks run at once


@task()
def build_kept_package(*, programme_id: int) -> dict:
    """The build as a task on the queue (`partnerbase db_worker`)."""
    programme = Programme.objects.filter(pk=programme_id).first()
    if programme is None:  # deleted since
        return {"programme_id": programme_id, "built": False}
    kept = package_build(programme)
    return {"programme_id": programme_id, "built": True, "grants": kept.summary["grant_count"]}


def package_build(programme) -> KeptPackage:
    """Build, validate and keep the package (unless it is fresh already)."""
    stamp = records_stamp()  # before reading: a change made meanwhile leaves it stale
    kept = kept_package(programme)
    if is_fresh(kept, stamp):
        return kept
    package = package_json(programme)
    summary = summary_json(package, errors=schema_errors(package))
    content = ContentFile(package_text(package).encode("utf-8"))
    del package  # the largest thing held: a million grants' dicts
    kept = kept or KeptPackage(programme=programme)
    old = kept.file.name
    kept.file.save(f"{programme.slug}-360giving.json", content, save=False)
    kept.stamp, kept.built_at, kept.summary = stamp, timezone.now(), summary
    with transaction.atomic():
        kept.save()
    if old:
        kept.file.storage.delete(old)
    return kept


def _totals(grants) -> list[str]:
    sums: dict = {}
    for g in grants:
        sums[g["currency"]] = sums.get(g["currency"], 0) + g["amountAwarded"]
    return [format_money(amount, currency) for currency, amount in sorted(sums.items())]


def summary_json(package: dict, *, errors: list[SchemaError]) -> dict:
    """What the page shows of a package, as JSON: kept beside the file."""
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
