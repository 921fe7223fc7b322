"""The programme export and import run by tasks: a national programme's file is large, so
the worker writes the export for the team to download from the job's page, and reads an
uploaded file into a new programme with `importer.programme_import`, as `partnerbase
import` does."""

from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from partnerbase.jobs.services import InputRefused, job_run, listed, upload_text

from .export import programme_export_text
from .format import ARRAYS
from .importer import programme_import
from .importing import document_load, record_counts, record_total, slug_in_use
from .problems import ImportFailed, Problem


@task()
def export_programme(*, job_id: int) -> dict:
    def work(job, progress):
        progress("Writing every record", 0, 1)
        text = programme_export_text(programme=job.programme)
        name = f"{job.programme.slug}-{timezone.localdate().isoformat()}.json"
        progress.attach(name, text.encode("utf-8"))
        return {"bytes": len(text)}

    return job_run(job_id, work)


def _refused(name: str, problems: list[Problem]) -> InputRefused:
    rows = [
        {
            "where": str(Problem(p.array, p.index, p.record_id, "", "")).removesuffix(": "),
            "what": f"{p.field}: {p.message}" if p.field else p.message,
        }
        for p in problems
    ]
    count = f"{len(rows)} problem" + ("" if len(rows) == 1 else "s")
    return InputRefused(f"Nothing was imported: {count} in {name}.", problems=rows)


def _writing(data, progress):
    """The importer's progress as the job's: "Writing organisations: 10,000 of 100,000
    records", and the arrays written of those the file holds."""
    arrays = [a for a in ARRAYS if data.get(a)]
    written = set()

    def tell(array: str, n: int, total: int, records: int, seconds: float) -> None:
        if n == total:
            written.add(array)
        name = array.replace("_", " ")
        progress(f"Writing {name}: {n:,} of {total:,} records", len(written), len(arrays))

    return tell


@task()
def import_programme(*, job_id: int, slug: str | None = None) -> dict:
    """Import the job's uploaded file as a new programme (`slug`, or the file's own), all or
    nothing; whoever started it joins the new programme's convening team."""

    def work(job, progress):
        progress("Reading the file", 0, 1)
        try:
            data = document_load(upload_text(job))
            taken = slug_in_use(data, slug)
            if taken:
                raise ImportFailed(
                    [
                        Problem(
                            "programme",
                            None,
                            None,
                            "slug",
                            f"a programme with the slug {taken!r} already exists: upload the "
                            "file again with a new slug for the programme",
                        )
                    ]
                )
            progress(f"Checking {record_total(data):,} records", 0, 1)
            programme = programme_import(
                data=data, slug=slug, actor=job.started_by, progress=_writing(data, progress)
            )
        except ImportFailed as exc:
            raise _refused(job.upload_name, exc.problems) from None
        return {
            "programme": str(programme.uid),
            "summary": f"Imported {programme.name} as a new programme, {programme.slug!r}: "
            f"{record_total(data):,} records.",
            "lists": [listed("Records by kind", record_counts(data))],
            "link": {
                "text": f"Open {programme.name}",
                "url": reverse("reports:dashboard", args=[programme.slug]),
            },
        }

    return job_run(job_id, work)
