"""A job's pulse: that its worker is alive, and how far it has gone, reaching the pages while
the work runs inside one long transaction (an import, all or nothing), which the pages
cannot see into.

While a job's work runs, a thread beside it writes the latest progress (`Progress` keeps
it) and a heartbeat every `JOB_PULSE_SECONDS`, however long one step takes (checking a
million records takes minutes and tells nothing meanwhile). Where it writes depends on the
database:

- PostgreSQL: the job's row, through the thread's own connection (Django keeps one per
  thread), committed at once; the import's transaction never touches that row.
- SQLite: one writer at a time, and the import holds the write lock until it commits (a
  second connection's write would wait out the busy timeout and fail). The pulse goes to a
  small file per job instead (pulsefile.py), and a running job read from the database takes
  the file's values when they are newer than its row's (`Job.from_db`). One machine holds
  the SQLite file, so every process that reads the job sees the same pulse file.

The file is removed when the work ends; the row then says how it ended."""

import threading

from django.conf import settings
from django.db import connection, connections
from django.utils import timezone

from .models import Job
from .pulsefile import pulse_file_write, pulse_path


def uses_file() -> bool:
    """The pulse goes to a file where the database has a single writer (SQLite)."""
    return connection.vendor == "sqlite"


def pulse_write(job_id: int, state: dict) -> None:
    """Write the job's progress and heartbeat now: to its row, or to its file (SQLite)."""
    if uses_file():
        pulse_file_write(pulse_path(connection.settings_dict["NAME"], job_id), state)
    else:
        Job.objects.filter(pk=job_id).update(**state)


class Pulse:
    """Beats for the job every `every` seconds (JOB_PULSE_SECONDS) while the block runs,
    writing `latest` (the work's progress, updated in place) with the time, holding `lock`
    (the work's own writes hold it too)."""

    def __init__(self, job_id: int, latest: dict, lock, every: float | None = None):
        self.job_id, self.latest, self.lock = job_id, latest, lock
        self.every = settings.JOB_PULSE_SECONDS if every is None else every
        self.database = connection.settings_dict["NAME"]
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._beat, name=f"job-{job_id}-pulse", daemon=True)

    def _beat(self) -> None:
        try:
            while not self.stopped.wait(self.every):
                with self.lock:
                    pulse_write(self.job_id, {**self.latest, "heartbeat_at": timezone.now()})
        finally:
            if not uses_file():
                connections.close_all()  # this thread's own connection

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stopped.set()
        self.thread.join()
        pulse_path(self.database, self.job_id).unlink(missing_ok=True)
