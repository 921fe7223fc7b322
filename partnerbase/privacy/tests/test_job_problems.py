"""A refused import's problems may quote the file, a person's address among them: the
subject access export lists the job, and erasure replaces the name and address in its
problems and error, and in its history, keeping where each problem was."""

import pytest

from partnerbase.core.history import record_save
from partnerbase.jobs.models import Job, JobKind, JobStatus
from partnerbase.privacy.services import person_erase
from partnerbase.privacy.subject import personal_data, subject_find

from .conftest import EMAIL, NAME, OTHER_EMAIL
from .scan import tables_holding

pytestmark = pytest.mark.django_db


@pytest.fixture
def refused(world):
    """A rates import and a programme import refused, their problems quoting the file."""
    job = Job(
        programme=world.alpha,
        kind=JobKind.IMPORT,
        title="Import people.json",
        task_path="partnerbase.interchange.tasks.programme_import_task",
        started_by=world.team,
        status=JobStatus.FAILED,
        error=f"Nothing was saved: 2 problems (the first: {NAME}).",
        problems=[
            {"where": "people[3].email", "what": f"“{EMAIL.upper()}” is used twice"},
            {"where": "people[4].name", "what": f"“{NAME}” has no organisation"},
            {"where": "people[5].email", "what": f"“{OTHER_EMAIL}” is not valid"},
        ],
    )
    return record_save(job, actor=world.team, reason="Failed")


def test_the_export_lists_a_job_whose_problems_quote_the_person(world, refused):
    data = personal_data(subject=subject_find(email=EMAIL), scope={world.alpha.pk})
    jobs = [r for r in data["records"] if r["model"] == "jobs.Job"]
    assert [(j["id"], j["via"]) for j in jobs] == [
        (refused.pk, ["problems or error quotes this address"])
    ]
    assert EMAIL.upper() in jobs[0]["fields"]["problems"][0]["what"]
    # Not in another programme's export.
    data = personal_data(subject=subject_find(email=EMAIL), scope={world.bravo.pk})
    assert not [r for r in data["records"] if r["model"] == "jobs.Job"]


def test_erasure_replaces_the_quoted_name_and_address_and_keeps_the_problems(world, refused):
    assert "jobs_job.problems" in tables_holding(EMAIL)
    assert "jobs_historicaljob.problems" in tables_holding(EMAIL)
    action = person_erase(
        subject=subject_find(email=EMAIL),
        actor=world.team,
        scope={world.alpha.pk},
        reason="Erasure request of 3 May",
        programme=world.alpha,
    )
    assert tables_holding(NAME, EMAIL) == {}
    job = Job.objects.get(pk=refused.pk)
    assert [p["where"] for p in job.problems] == [
        "people[3].email",
        "people[4].name",
        "people[5].email",
    ]
    assert job.problems[0]["what"] == f"“erased-{action.pk}@erased.invalid” is used twice"
    assert job.problems[1]["what"] == f"“{action.erased_label}” has no organisation"
    assert OTHER_EMAIL in job.problems[2]["what"]  # someone else's stays
    assert job.error == f"Nothing was saved: 2 problems (the first: {action.erased_label})."
    assert action.counts["jobs.Job text"] == 1 and action.counts["jobs.HistoricalJob text"] == 1
