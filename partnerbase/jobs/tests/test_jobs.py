"""Background work through the real queue: pages queue jobs, django-tasks-db's worker runs
them, and the pages show progress, the error of a failure, Retry and what the job made."""

import json

import pytest
from django.urls import reverse
from django_tasks import task

from partnerbase.accounts.models import Role
from partnerbase.accounts.services import membership_grant
from partnerbase.core.errors import DomainError
from partnerbase.jobs.models import Job, JobStatus
from partnerbase.jobs.services import job_run, job_start
from partnerbase.programmes.models import Programme
from tests.factories import make_programme, make_user


@task()
def name_check(*, job_id: int) -> dict:
    """A job that fails while its programme's name says "broken", for the Retry tests."""

    def work(job, progress):
        progress("Reading the name", 1, 2)
        name = Programme.objects.get(pk=job.programme_id).name
        if "broken" in name:
            raise DomainError(f"The programme is called {name!r}.")
        return {"name": name}

    return job_run(job_id, work)


@pytest.fixture
def team(db):
    actor = make_user(full_name="Tess Team")
    programme = make_programme(actor, name="Test programme")
    membership_grant(actor=actor, user=actor, programme=programme, role=Role.TEAM)
    return actor, programme


def _url(name, programme, *args):
    return reverse(name, args=[programme.slug, *args])


def test_a_page_queues_an_export_and_the_worker_makes_the_file(client, team, task_worker):
    actor, programme = team
    client.force_login(actor)
    response = client.post(_url("interchange:export", programme))
    job = Job.objects.get()
    assert response.status_code == 302 and response["Location"] == _url(
        "jobs:detail", programme, job.uid
    )
    assert job.status == JobStatus.QUEUED and job.started_by == actor
    page = client.get(response["Location"]).content.decode()
    assert 'data-job-status="queued"' in page and 'hx-trigger="every 1s"' in page
    assert client.get(_url("jobs:download", programme, job.uid)).status_code == 404

    assert task_worker() == 1

    job.refresh_from_db()
    assert job.status == JobStatus.SUCCEEDED and job.finished_at and job.result["bytes"] > 0
    done = client.get(_url("jobs:progress", programme, job.uid), HTTP_HX_REQUEST="true")
    assert done.status_code == 204 and done["HX-Refresh"] == "true"
    listing = client.get(_url("jobs:list", programme)).content.decode()
    assert f"Export of {programme.name}" in listing and "Done" in listing
    download = client.get(_url("jobs:download", programme, job.uid))
    exported = json.loads(b"".join(download.streaming_content))
    assert exported["programme"]["slug"] == programme.slug
    assert download["Content-Disposition"].startswith('attachment; filename="')


def test_a_failed_job_shows_its_error_and_retry_runs_it_again(client, team, task_worker):
    actor, programme = team
    Programme.objects.filter(pk=programme.pk).update(name="A broken programme")
    job = job_start(
        actor=actor,
        programme=programme,
        kind="export",
        title="Name check",
        task=name_check,
        arguments={},
    )
    assert task_worker() == 1
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    assert job.error == "The programme is called 'A broken programme'."
    client.force_login(actor)
    page = client.get(_url("jobs:detail", programme, job.uid)).content.decode()
    assert "The programme is called" in page and "Retry" in page
    listing = client.get(_url("jobs:list", programme)).content.decode()
    assert "Failed" in listing and "The programme is called" in listing

    Programme.objects.filter(pk=programme.pk).update(name="A mended programme")
    client.post(_url("jobs:retry", programme, job.uid))
    job.refresh_from_db()
    assert job.status == JobStatus.QUEUED and job.attempts == 2 and job.error == ""
    assert task_worker() == 1
    job.refresh_from_db()
    assert job.status == JobStatus.SUCCEEDED and job.result == {"name": "A mended programme"}
    # Done is done: a second Retry is refused with a message, and nothing is queued.
    response = client.post(_url("jobs:retry", programme, job.uid), follow=True)
    assert "A job that is done cannot be retried." in response.content.decode()
    assert task_worker() == 0


def test_queued_work_outlives_a_worker_that_stops(team, task_worker):
    """Jobs wait in the database: a worker that stops after one task (a restart) leaves the
    others queued, and the next worker runs them."""
    actor, programme = team
    jobs = [
        job_start(
            actor=actor,
            programme=programme,
            kind="export",
            title=f"Check {n}",
            task=name_check,
            arguments={},
        )
        for n in range(3)
    ]
    from django_tasks_db.management.commands.db_worker import Worker

    first = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=1,
        worker_id="before-restart",
        excluded_queue_names=[],
    )
    first.run()
    statuses = sorted(Job.objects.values_list("status", flat=True))
    assert statuses == [JobStatus.QUEUED, JobStatus.QUEUED, JobStatus.SUCCEEDED]
    assert task_worker("after-restart") == 2
    assert {job.status for job in Job.objects.filter(pk__in=[j.pk for j in jobs])} == {
        JobStatus.SUCCEEDED
    }


def test_jobs_are_seen_by_the_team_and_by_who_started_them(client, team):
    actor, programme = team
    job = job_start(
        actor=actor,
        programme=programme,
        kind="export",
        title="Team's",
        task=name_check,
        arguments={},
    )
    # An accelerator manager of the same programme sees only what they started.
    partner = make_user()
    membership_grant(actor=actor, user=partner, programme=programme, role=Role.ACCELERATOR_MANAGER)
    client.force_login(partner)
    assert "Team's" not in client.get(_url("jobs:list", programme)).content.decode()
    for name in ("jobs:detail", "jobs:progress", "jobs:download"):
        assert client.get(_url(name, programme, job.uid)).status_code == 404
    assert client.post(_url("jobs:retry", programme, job.uid)).status_code == 404
    # Another programme's team: the programme itself is not found.
    other = make_user()
    elsewhere = make_programme(other)
    membership_grant(actor=other, user=other, programme=elsewhere, role=Role.TEAM)
    client.force_login(other)
    assert client.get(_url("jobs:list", programme)).status_code == 404
    assert client.get(_url("jobs:detail", elsewhere, job.uid)).status_code == 404
    # Only the team may export the whole programme.
    client.force_login(partner)
    assert client.post(_url("interchange:export", programme)).status_code == 403
    assert Job.objects.count() == 1
