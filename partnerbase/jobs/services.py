"""Starting background work and running it: `job_start` records the job and queues its task
in one transaction (so the queue never holds work the pages don't know, nor the reverse);
`job_run`, called by the task in the worker, marks it running, passes on its progress and
records how it ended; `job_retry` queues a failed or lost one again."""

from collections.abc import Callable
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks.base import Task

from partnerbase.core.errors import DomainError
from partnerbase.core.history import record_save

from .models import Job, JobStatus


def _enqueue(job: Job, task: Task) -> None:
    result = task.enqueue(job_id=job.pk, **job.arguments)
    # The immediate backend (tests) has run the task already and the job row moved on;
    # only the queue's id is written here.
    Job.objects.filter(pk=job.pk).update(task_result_id=str(result.id)[:64])
    job.refresh_from_db()


@transaction.atomic
def job_start(
    *, actor, programme, kind: str, title: str, task: Task, arguments: dict[str, Any]
) -> Job:
    """Record a job and queue `task(job_id=…, **arguments)` for a worker."""
    job = Job(
        programme=programme,
        kind=kind,
        title=title[:200],
        started_by=actor if getattr(actor, "is_authenticated", False) else None,
        task_path=task.module_path,
        arguments=arguments,
    )
    record_save(job, actor=actor, reason="Queued")
    _enqueue(job, task)
    return job


@transaction.atomic
def job_retry(*, actor, job: Job) -> Job:
    """Queue a failed job again, or one whose worker was lost while running it."""
    job = Job.objects.select_for_update().get(pk=job.pk)
    if not job.can_retry:
        raise DomainError(f"A job that is {job.get_status_display().lower()} cannot be retried.")
    task = import_string(job.task_path)
    if not isinstance(task, Task):
        raise DomainError("This job's task no longer exists.")
    job.status, job.error = JobStatus.QUEUED, ""
    job.attempts += 1
    job.progress_stage, job.progress_done, job.progress_total = "", 0, 0
    job.started_at = job.finished_at = job.heartbeat_at = None
    record_save(job, actor=actor, reason="Retried")
    _enqueue(job, task)
    return job


class Progress:
    """What a task calls as it goes: `progress("Sections", 3, 11)`. Each call is a plain
    UPDATE, committed at once so that the page polling the job sees it; not history."""

    def __init__(self, job: Job):
        self.job = job

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = timezone.now()
        Job.objects.filter(pk=self.job.pk).update(
            progress_stage=stage[:100],
            progress_done=max(0, done),
            progress_total=max(0, total),
            heartbeat_at=now,
        )

    def attach(self, name: str, content: bytes) -> None:
        """Keep the file the job made, for its download link."""
        self.job.output.save(name, ContentFile(content), save=False)
        self.job.output_name = name[:200]
        Job.objects.filter(pk=self.job.pk).update(
            output=self.job.output.name, output_name=self.job.output_name
        )


def error_text(exc: BaseException) -> str:
    """What the page shows: a domain error's own words, otherwise the exception."""
    message = getattr(exc, "message", None)
    if isinstance(exc, DomainError) and message:
        return str(message)
    return f"{type(exc).__name__}: {exc}"[:2000]


def job_run(job_id: int, work: Callable[[Job, Progress], dict | None]) -> dict:
    """Run `work(job, progress)` for the job in the worker and record how it ended; the
    exception of a failure is raised on, so the queue's row keeps its traceback too."""
    job = Job.objects.get(pk=job_id)
    if job.status == JobStatus.SUCCEEDED:
        return job.result  # queued twice: the work is done already
    now = timezone.now()
    job.status, job.error = JobStatus.RUNNING, ""
    job.started_at = job.heartbeat_at = now
    job.finished_at = None
    record_save(job, actor=None, reason="Started")
    try:
        result = work(job, Progress(job)) or {}
    except BaseException as exc:
        job.refresh_from_db()
        job.status, job.error, job.finished_at = JobStatus.FAILED, error_text(exc), timezone.now()
        record_save(job, actor=None, reason="Failed")
        raise
    job.refresh_from_db()
    job.status, job.result, job.finished_at = JobStatus.SUCCEEDED, result, timezone.now()
    if job.progress_total:
        job.progress_done = job.progress_total
    record_save(job, actor=None, reason="Done")
    return result
