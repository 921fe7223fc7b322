"""A piece of background work as its programme's people see it: what it is, who started
it, how far it has gone, and how it ended. The queue's own row (django_tasks_db's
DBTaskResult) is the worker's business; this one is the page's."""

from datetime import timedelta

from django.conf import settings
from django.db import connections, models
from django.utils import timezone

from partnerbase.core.models import ProgrammeRecord
from partnerbase.core.uploads import PrivateUploadTo

from .pulsefile import pulse_file_read, pulse_path


class JobStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    SUCCEEDED = "succeeded", "Done"
    FAILED = "failed", "Failed"


class JobKind(models.TextChoices):
    BROKERING_ROUND = "brokering_round", "Brokering round"
    REPORT = "report", "Progress report"
    EXPORT = "export", "Programme export"
    EXPORT_360GIVING = "export_360giving", "360Giving export"
    IMPORT = "import", "Programme import"
    IMPORT_360GIVING = "import_360giving", "360Giving import"
    RATES_IMPORT = "rates_import", "Exchange rates import"
    KEPT_FIGURES = "kept_figures", "Figure refresh"


def stale_after() -> timedelta:
    """A running job whose worker has not written for this long is taken to be lost (the
    worker died or was killed mid-task): the pages say so and offer Retry."""
    return timedelta(minutes=settings.JOB_STALE_MINUTES)


class Job(ProgrammeRecord):
    kind = models.CharField(max_length=32, choices=JobKind.choices)
    # What the work is about, in words ("Round 1", "Report, 1 Apr 2017 to 31 Mar 2018").
    title = models.CharField(max_length=200)
    status = models.CharField(max_length=9, choices=JobStatus.choices, default=JobStatus.QUEUED)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The task and its keyword arguments, so that Retry can queue it again.
    task_path = models.CharField(max_length=200)
    arguments = models.JSONField(default=dict, blank=True)
    # The queue's row for the latest attempt (django_tasks_db.DBTaskResult.id).
    task_result_id = models.CharField(max_length=64, blank=True)
    attempts = models.PositiveSmallIntegerField(default=1)
    # Progress as the worker writes it: "3 of 11 sections" is done=3, total=11, stage=sections.
    progress_stage = models.CharField(max_length=100, blank=True)
    progress_done = models.PositiveIntegerField(default=0)
    progress_total = models.PositiveIntegerField(default=0)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)
    # What it made: ids and counts for the page ({"round": "<uid>", "rates": 12}) …
    result = models.JSONField(default=dict, blank=True)
    # … and a file, served only through the job's permission-checked download.
    output = models.FileField(upload_to=PrivateUploadTo("jobs"), blank=True, max_length=200)
    output_name = models.CharField(max_length=200, blank=True)
    # The file it was given (an import's upload): kept on the job, not in the task's
    # arguments, and removed once the job is done with it (done, or the file refused).
    upload = models.FileField(upload_to=PrivateUploadTo("uploads"), blank=True, max_length=200)
    upload_name = models.CharField(max_length=200, blank=True)
    # What was wrong with the input, for the failed job's page: [{"where": …, "what": …}].
    problems = models.JSONField(default=list, blank=True)

    class Meta(ProgrammeRecord.Meta):
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.title

    @classmethod
    def from_db(cls, db, field_names, values):
        """A running job on SQLite takes its pulse file's progress and heartbeat when they
        are newer than its row's: its worker cannot write the row while an import holds
        the database's one write lock (jobs/pulse.py)."""
        job = super().from_db(db, field_names, values)
        if (
            connections[db].vendor == "sqlite"
            and {"status", "heartbeat_at"} <= set(field_names)
            and job.status == JobStatus.RUNNING
        ):
            state = pulse_file_read(pulse_path(connections[db].settings_dict["NAME"], job.pk))
            if state and (job.heartbeat_at is None or state["heartbeat_at"] > job.heartbeat_at):
                for name, value in state.items():
                    setattr(job, name, value)
        return job

    @property
    def percent(self) -> int:
        if self.status == JobStatus.SUCCEEDED:
            return 100
        if not self.progress_total:
            return 0
        return min(100, int(100 * self.progress_done / self.progress_total))

    @property
    def stale(self) -> bool:
        """Running, but its worker has gone quiet for longer than stale_after()."""
        last = self.heartbeat_at or self.started_at
        return (
            self.status == JobStatus.RUNNING
            and last is not None
            and timezone.now() - last > stale_after()
        )

    @property
    def in_progress(self) -> bool:
        return self.status in (JobStatus.QUEUED, JobStatus.RUNNING) and not self.stale

    @property
    def upload_removed(self) -> bool:
        """It was given a file that is gone: the file was refused, so Retry cannot help."""
        return bool(self.upload_name) and not self.upload

    @property
    def can_retry(self) -> bool:
        return (self.status == JobStatus.FAILED or self.stale) and not self.upload_removed

    @property
    def start_page(self) -> str:
        """The URL name of the page that starts this kind of job (to upload a file again)."""
        return START_PAGES.get(self.kind, "")


# Where each kind of work is started, by URL name, for "upload a corrected file".
START_PAGES = {
    JobKind.IMPORT: "interchange:import",
    JobKind.IMPORT_360GIVING: "opendata:import",
    JobKind.RATES_IMPORT: "funding:rates_upload",
    JobKind.EXPORT: "interchange:export",
    JobKind.EXPORT_360GIVING: "opendata:open_data",
}


class KeptOutput(models.Model):
    """What a task built for pages to read, kept until the records it was built from change:
    the programme's 360Giving package and its validation (opendata/kept.py), the progress
    report as rendered (reports/report/kept.py). Pages read it instead of building it per
    request (minutes at a million awards) and queue its rebuild when it is stale
    (jobs/kept.py).

    Derived data, not a domain record: it keeps no history and is neither exported nor
    imported; the records it is built from keep theirs."""

    programme = models.ForeignKey(
        "programmes.Programme", on_delete=models.CASCADE, related_name="+"
    )
    # What it is, and for which variant ("360giving", "report 2017-01-01 2018-12-31 …").
    name = models.CharField(max_length=200)
    # kept.records_stamp() read before it was built: stale once the stamp moves on.
    stamp = models.CharField(max_length=200, blank=True)
    built_at = models.DateTimeField(null=True, blank=True)
    data = models.JSONField(default=dict, blank=True)
    file = models.FileField(upload_to=PrivateUploadTo("kept"), blank=True, max_length=200)
    # The stamp a build was last queued for, and when: queued once, not on every request.
    wanted = models.CharField(max_length=200, blank=True)
    wanted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["programme", "name"], name="kept_output_unique")
        ]

    def __str__(self):
        return f"{self.name} of {self.programme_id} as of {self.built_at}"
