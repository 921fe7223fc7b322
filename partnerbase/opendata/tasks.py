"""360Giving on the task queue: a funder's file imported into the programme's ledger with
`grants_import`, the path `partnerbase import-360giving` takes (all or nothing; grants held
already updated or skipped, never added twice), and the programme's file written as
`export-360giving` writes it, kept for the job's download."""

from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from partnerbase.core.currencies import SYMBOLS
from partnerbase.jobs.services import InputRefused, job_run, listed, problem_rows, upload_text

from .export import package_csv, package_json, package_text
from .importer import grants_import
from .reading import ImportFailed, source_from_text
from .schema import schema_errors

FORMATS = ("json", "csv")


def _totals(totals: dict) -> str:
    # Exact, as the command writes them: the point is to see every penny arrived.
    return ", ".join(f"{SYMBOLS.get(c, c + ' ')}{v:,}" for c, v in sorted(totals.items()))


@task()
def import_360giving(*, job_id: int) -> dict:
    def work(job, progress):
        progress("Reading the file", 0, 2)
        try:
            source = source_from_text(job.upload_name, upload_text(job))
            progress(f"Checking and importing {len(source.grants):,} grants", 1, 2)
            result = grants_import(actor=job.started_by, source=source, slug=job.programme.slug)
        except ImportFailed as failed:
            count = f"{len(failed.errors)} problem" + ("" if len(failed.errors) == 1 else "s")
            raise InputRefused(
                f"Nothing was imported: {count} in {job.upload_name}.",
                problems=problem_rows(failed.errors),
            ) from None
        return {
            "grants": result.grants,
            "updated": len(result.updated),
            "skipped": len(result.skipped),
            "organisations": result.organisations,
            "summary": f"Imported {result.grants} grants ({_totals(result.totals) or 'nothing'}); "
            f"{len(result.updated)} held already and updated, {len(result.skipped)} held "
            f"already and unchanged (skipped), never added twice; {result.organisations} "
            "organisations added.",
            "lists": [listed("Updated", result.updated), listed("Skipped", result.skipped)],
            "link": {
                "text": "See the funding ledger",
                "url": reverse("funding:ledger", args=[job.programme.slug]),
            },
        }

    return job_run(job_id, work)


@task()
def export_360giving(*, job_id: int, fmt: str) -> dict:
    def work(job, progress):
        progress("Writing the grants", 0, 1)
        package = package_json(job.programme)
        errors = schema_errors(package)
        text = package_csv(package) if fmt == "csv" else package_text(package)
        name = f"{job.programme.slug}-360giving-{timezone.localdate().isoformat()}.{fmt}"
        progress.attach(name, text.encode("utf-8"))
        grants = len(package["grants"])
        valid = (
            f"{len(errors)} schema error{'' if len(errors) == 1 else 's'}: see the open data page"
            if errors
            else "valid against the 360Giving schema"
        )
        return {"grants": grants, "errors": len(errors), "summary": f"{grants} grants, {valid}."}

    return job_run(job_id, work)
