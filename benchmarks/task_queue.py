#!/usr/bin/env python
"""What the task queue costs per job: queueing it from a page's service, and the worker's
own work around the task (claiming the queue's row, the job's running/done writes).

    python benchmarks/task_queue.py [--jobs 200] [--database-url URL]

Migrates a fresh SQLite database (var/bench/task_queue.sqlite3) unless a DATABASE_URL is
given, queues `--jobs` jobs whose task does nothing, then drains them with django-tasks-db's
worker in this process (its --batch mode), and prints the time and queries per job for
each half. The task itself is empty, so this is the overhead a real task pays on top of
its work; a brokering round or a report PDF takes seconds, against milliseconds here.
"""

import argparse
import os
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup_django(database_url: str | None) -> None:
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    else:
        path = ROOT / "var" / "bench" / "task_queue.sqlite3"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.unlink(missing_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partnerbase.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", type=int, default=200)
    parser.add_argument("--database-url")
    args = parser.parse_args(argv)
    setup_django(args.database_url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django_tasks import task
    from django_tasks_db.management.commands.db_worker import Worker

    from partnerbase.accounts.services import user_create
    from partnerbase.jobs.models import Job, JobStatus
    from partnerbase.jobs.services import job_run, job_start
    from partnerbase.programmes.services import programme_create

    @task()
    def nothing(*, job_id: int) -> dict:
        return job_run(job_id, lambda job, progress: {})

    # The worker imports the task by its path: this script is __main__.
    sys.modules["__main__"].nothing = nothing

    actor = user_create(email="bench@example.org", password=None, full_name="Bench")
    programme = programme_create(
        actor=actor,
        name="Bench",
        slug="bench",
        starts_on=date(2024, 1, 1),
        ends_on=date(2024, 12, 31),
    )

    with CaptureQueriesContext(connection) as queued_queries:
        started = time.perf_counter()
        for n in range(args.jobs):
            job_start(
                actor=actor,
                programme=programme,
                kind="export",
                title=f"Job {n}",
                task=nothing,
                arguments={},
            )
        queued = time.perf_counter() - started

    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="bench",
        excluded_queue_names=[],
    )
    with CaptureQueriesContext(connection) as worked_queries:
        started = time.perf_counter()
        worker.run()
        worked = time.perf_counter() - started
    done = Job.objects.filter(status=JobStatus.SUCCEEDED).count()
    assert done == args.jobs, f"{done} of {args.jobs} jobs done"

    n = args.jobs
    print(f"database: {connection.vendor}, {n} jobs whose task does nothing\n")
    print(f"{'step':<34} {'total s':>8} {'ms/job':>8} {'queries/job':>12}")
    for name, seconds, queries in [
        ("queue (job_start)", queued, len(queued_queries)),
        ("work (worker: claim, run, record)", worked, len(worked_queries)),
    ]:
        print(f"{name:<34} {seconds:>8.2f} {1000 * seconds / n:>8.1f} {queries / n:>12.1f}")


if __name__ == "__main__":
    main()
