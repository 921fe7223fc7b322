"""Exchange rates uploaded on the rates page, checked and saved by a task with
`rates_import`, the path `partnerbase rates import` takes: all or nothing."""

from django.urls import reverse
from django_tasks import task

from partnerbase.jobs.services import InputRefused, job_run, problem_rows, upload_text

from .rates_import import RatesImportFailed, rates_import


def rows_cannot_be_used(n: int) -> str:
    return (
        f"{n} row of the file cannot be used" if n == 1 else f"{n} rows of the file cannot be used"
    )


@task()
def import_rates(*, job_id: int, update: bool = False) -> dict:
    def work(job, progress):
        progress("Checking and saving the rates", 0, 1)
        try:
            result = rates_import(
                actor=job.started_by,
                programme=job.programme,
                text=upload_text(job),
                update=update,
                how_to_replace="upload it again with “Replace rates” ticked to replace it",
            )
        except RatesImportFailed as exc:
            raise InputRefused(
                f"Nothing was saved: {rows_cannot_be_used(len(exc.problems))}.",
                problems=problem_rows(exc.problems),
            ) from None
        return {
            "added": result.added,
            "updated": result.updated,
            "unchanged": result.unchanged,
            "summary": f"Rates uploaded: {result.added} added, {result.updated} replaced, "
            f"{result.unchanged} already there.",
            "link": {
                "text": "See the exchange rates",
                "url": reverse("funding:rates", args=[job.programme.slug]),
            },
        }

    return job_run(job_id, work)
