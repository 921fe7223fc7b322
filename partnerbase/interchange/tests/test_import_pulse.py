"""A page-started import beats while it runs: its worker's heartbeat and its stages
(reading, checking, writing n of m arrays) reach the pages though the import is one
transaction, so a long import is never shown as lost and offered Retry while it is alive.
On SQLite, the tests' database, the pulse goes to a file per job (jobs/pulse.py)."""

import re
import threading
import time
from datetime import timedelta

import pytest
from django.db import connection, connections
from django.urls import reverse
from django.utils import timezone

from partnerbase.accounts.models import Role
from partnerbase.accounts.services import membership_grant
from partnerbase.core.errors import DomainError
from partnerbase.interchange.format import ARRAYS
from partnerbase.jobs.models import Job, JobKind, JobStatus
from partnerbase.jobs.pulsefile import pulse_file_read, pulse_file_write, pulse_path
from partnerbase.jobs.services import job_retry
from tests.factories import make_user

from .test_import_page import _upload


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def team(small):
    """The administrator (who alone makes programmes), on the programme's team too."""
    user = make_user(email="lead@example.org", full_name="Lena Lead")
    user.is_superuser = True
    user.save(update_fields=["is_superuser"])
    membership_grant(actor=user, user=user, programme=small, role=Role.TEAM)
    return user


@pytest.fixture
def pulse_dir(settings, tmp_path):
    settings.JOB_PULSE_DIR = tmp_path / "pulse"
    return settings.JOB_PULSE_DIR


class Watcher:
    """Reads the job's pulse as a page's process would, while the worker runs the import:
    on SQLite its file, on PostgreSQL its row, through this thread's own connection."""

    def __init__(self, folder, job_id):
        self.folder, self.job_id, self.seen = folder, job_id, []
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._watch)

    def _read(self) -> dict | None:
        if connection.vendor == "sqlite":
            return pulse_file_read(pulse_path(connection.settings_dict["NAME"], self.job_id))
        return (
            Job.objects.filter(pk=self.job_id, status=JobStatus.RUNNING)
            .values("progress_stage", "progress_done", "progress_total", "heartbeat_at")
            .first()
        )

    def _watch(self):
        try:
            while not self.stopped.is_set():
                state = self._read()
                if state and (not self.seen or state != self.seen[-1]):
                    self.seen.append(state)
                time.sleep(0.001)
        finally:
            if connection.vendor != "sqlite":
                connections.close_all()

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stopped.set()
        self.thread.join()


def test_an_import_beats_and_tells_its_stages_while_its_transaction_runs(
    client,
    small,
    small_data,
    team,
    settings,
    pulse_dir,
    task_worker,
):
    settings.JOB_PULSE_SECONDS = 0.002
    client.force_login(team)
    _upload(client, small, small_data, slug="small-copy")
    job = Job.objects.get(kind=JobKind.IMPORT)
    assert job.status == JobStatus.QUEUED  # on the database queue, for the real worker

    with Watcher(pulse_dir, job.pk) as watcher:
        assert task_worker() == 1

    arrays = len([a for a in ARRAYS if small_data.get(a)])
    writing = [s for s in watcher.seen if s["progress_stage"].startswith("Writing ")]
    assert writing, watcher.seen
    # Each array as it is written, "n of m" arrays the file holds, never going back.
    assert {s["progress_total"] for s in writing} == {arrays}
    done = [s["progress_done"] for s in writing]
    assert done == sorted(done) and done[-1] > done[0]
    # Which array, and how far through it (the stages change faster than the pulse beats,
    # so which ones a watcher sees is chance).
    assert all(
        re.fullmatch(r"Writing [a-z ]+: [\d,]+ of [\d,]+ records", s) for s in stages(writing)
    )
    # The heartbeat went on all the while, each beat later than the one before.
    beats = [s["heartbeat_at"] for s in watcher.seen]
    assert len(set(beats)) >= 3 and beats == sorted(beats)
    # Done: the row says so, with every array written, and no pulse file is left.
    job.refresh_from_db()
    assert job.status == JobStatus.SUCCEEDED, job.error
    assert (job.progress_done, job.progress_total) == (arrays, arrays)
    assert not list(pulse_dir.glob("*"))


def stages(states) -> list[str]:
    return [s["progress_stage"] for s in states]


def test_a_running_job_with_a_fresh_pulse_is_not_lost_and_one_without_is(
    client,
    small,
    team,
    settings,
    pulse_dir,
):
    if connection.vendor != "sqlite":
        pytest.skip("the pulse file is SQLite's: PostgreSQL's pulse writes the job's row")
    now = timezone.now()
    long_ago = now - timedelta(minutes=settings.JOB_STALE_MINUTES + 5)
    job = Job.objects.create(
        programme=small,
        kind=JobKind.IMPORT,
        title="Import national.json",
        task_path="partnerbase.interchange.tasks.import_programme",
        started_by=team,
        status=JobStatus.RUNNING,
        started_at=long_ago,
        heartbeat_at=long_ago,
    )
    path = pulse_path(connection.settings_dict["NAME"], job.pk)
    state = {"progress_stage": "Writing funding awards: 400,000 of 1,000,000 records"}
    state |= {"progress_done": 28, "progress_total": 52, "heartbeat_at": now}
    pulse_file_write(path, state)
    page_url = reverse("jobs:detail", args=[small.slug, job.uid])
    client.force_login(team)

    alive = Job.objects.get(pk=job.pk)
    assert not alive.stale and alive.in_progress and not alive.can_retry
    page = client.get(page_url).content.decode()
    assert 'data-job-status="running"' in page and ">Retry<" not in page
    assert "Writing funding awards: 400,000 of 1,000,000 records</span>: 28 of 52" in page
    with pytest.raises(DomainError):
        job_retry(actor=team, job=alive)

    # Its worker died: the pulse stopped too, so the job is lost and may be retried.
    pulse_file_write(path, state | {"heartbeat_at": long_ago})
    lost = Job.objects.get(pk=job.pk)
    assert lost.stale and lost.can_retry
    assert 'data-job-status="lost"' in client.get(page_url).content.decode()
