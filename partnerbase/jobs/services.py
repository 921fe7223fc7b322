"""Starting background work and running it: `job_start` records the job and queues its task
in one transaction (so the queue never holds work the pages don't know, nor the reverse);
`job_run`, called by the task in the worker, marks it running, passes on its progress and
records how it ended; `job_retry` queues a failed or lost one again. An import's file is
kept on the job (`upload`), read by the task with `upload_text`, and removed once the job
is done with it."""

import threading
from collections.abc import Callable, Iterable
from typing import Any

from django.core.files import File
from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks.base import Task

from partnerbase.core.errors import DomainError
from partnerbase.core.history import record_save

from .models import Job, JobStatus
from .pulse import Pulse

# A failed job's page lists this many of its input's problems (a broken national file can
# have a million); the message says how many there were.
MAX_PROBLEMS = 500


class InputRefused(DomainError):
    """The job's input cannot be used and nothing was saved; `problems` name each fault
    ({"where": "row 3", "what": "date: not a date"}) for the failed job's page. The file is
    removed: Retry would meet the same faults, so the page asks for a corrected file."""

    def __init__(self, message: str, *, problems: list[dict] | None = None):
        super().__init__(message)
        self.problems = problems or []


def problem_rows(lines: Iterable[str]) -> list[dict]:
    """Split "row 3: date: not a date" into {"where": "row 3", "what": "date: not a date"}."""
    rows = []
    for line in lines:
        where, sep, what = str(line).partition(": ")
        rows.append({"where": where, "what": what} if sep else {"where": "", "what": where})
    return rows


def _enqueue(job: Job, task: Task) -> None:
    result = task.enqueue(job_id=job.pk, **job.arguments)
    # The immediate backend (tests) has run the task already and the job row moved on;
    # only the queue's id is written here.
    Job.objects.filter(pk=job.pk).update(task_result_id=str(result.id)[:64])
    job.refresh_from_db()


@transaction.atomic
def job_start(
    *,
    actor,
    programme,
    kind: str,
    title: str,
    task: Task,
    arguments: dict[str, Any],
    upload: File | None = None,
    upload_name: str = "",
) -> Job:
    """Record a job and queue `task(job_id=…, **arguments)` for a worker; `upload`, a file
    the task is to read, is stored on the job (a worker on another machine reads it from
    the shared storage, as it reads board papers)."""
    job = Job(
        programme=programme,
        kind=kind,
        title=title[:200],
        started_by=actor if getattr(actor, "is_authenticated", False) else None,
        task_path=task.module_path,
        arguments=arguments,
    )
    if upload is not None:
        job.upload_name = (upload_name or upload.name or "upload")[:200]
        job.upload.save(job.upload_name, upload, save=False)
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
    job.status, job.error, job.problems = JobStatus.QUEUED, "", []
    job.attempts += 1
    job.progress_stage, job.progress_done, job.progress_total = "", 0, 0
    job.started_at = job.finished_at = job.heartbeat_at = None
    record_save(job, actor=actor, reason="Retried")
    _enqueue(job, task)
    return job


class Progress:
    """What a task calls as it goes: `progress("Sections", 3, 11)`. Each call is a plain
    UPDATE, committed at once so that the page polling the job sees it; not history.
    Inside a transaction the work opened (an import) an UPDATE would be seen only when it
    commits, so there the call only keeps the values and the job's pulse (pulse.py), which
    beats all the while the work runs, passes them on."""

    def __init__(self, job: Job):
        self.job = job
        # The transactions open when the work began (a test's own): deeper is the work's.
        self.depth = len(connection.atomic_blocks)
        self.latest = {
            "progress_stage": job.progress_stage,
            "progress_done": job.progress_done,
            "progress_total": job.progress_total,
        }
        # Held by each write, this one's and the pulse's: the row's heartbeat and progress
        # never go back to an older reading.
        self.lock = threading.Lock()

    def __call__(self, stage: str, done: int, total: int) -> None:
        with self.lock:
            self.latest.update(
                progress_stage=stage[:100], progress_done=max(0, done), progress_total=max(0, total)
            )
            if len(connection.atomic_blocks) > self.depth:
                return  # the pulse writes it, outside the work's transaction
            Job.objects.filter(pk=self.job.pk).update(**self.latest, heartbeat_at=timezone.now())

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


def upload_text(job: Job) -> str:
    """The job's uploaded file as text; InputRefused unless it is UTF-8."""
    if not job.upload:
        raise DomainError("The uploaded file is no longer kept: upload it again.")
    try:
        with job.upload.open("rb") as file:
            content = file.read()
    except FileNotFoundError:
        raise DomainError("The uploaded file is no longer kept: upload it again.") from None
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputRefused(
            f"Nothing was saved: {job.upload_name} is not UTF-8 text "
            f"(byte {exc.start} cannot be read)."
        ) from None


def _upload_remove(job: Job) -> None:
    if job.upload:
        job.upload.delete(save=False)


def _take(job: Job, values: dict) -> None:
    for name, value in values.items():
        setattr(job, name, value)


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
    progress = Progress(job)
    try:
        with Pulse(job.pk, progress.latest, progress.lock):
            result = work(job, progress) or {}
    except BaseException as exc:
        job.refresh_from_db()
        _take(job, progress.latest)  # how far it got, though its pulse has stopped
        job.status, job.error, job.finished_at = JobStatus.FAILED, error_text(exc), timezone.now()
        if isinstance(exc, InputRefused):
            job.problems = exc.problems[:MAX_PROBLEMS]
            _upload_remove(job)
        record_save(job, actor=None, reason="Failed")
        raise
    job.refresh_from_db()
    _take(job, progress.latest)
    job.status, job.result, job.finished_at = JobStatus.SUCCEEDED, result, timezone.now()
    _upload_remove(job)
    if job.progress_total:
        job.progress_done = job.progress_total
    record_save(job, actor=None, reason="Done")
    return result


def listed(label: str, items: list[str], *, shown: int = 100) -> dict:
    """A list for a done job's page, folded under "Updated (12)": the first `shown` items
    and how many more."""
    return {
        "label": label,
        "count": len(items),
        "items": list(items[:shown]),
        "more": max(0, len(items) - shown),
    }
