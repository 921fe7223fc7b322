"""The programme export written by a task: a national programme's file is large, and the
worker keeps it for the team to download from the job's page."""

from django.utils import timezone
from django_tasks import task

from partnerbase.jobs.services import job_run

from .export import programme_export_text


@task()
def export_programme(*, job_id: int) -> dict:
    def work(job, progress):
        progress("Writing every record", 0, 1)
        text = programme_export_text(programme=job.programme)
        name = f"{job.programme.slug}-{timezone.localdate().isoformat()}.json"
        progress.attach(name, text.encode("utf-8"))
        return {"bytes": len(text)}

    return job_run(job_id, work)
