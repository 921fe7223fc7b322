"""The report's PDF built on the task queue: the page queues it, a worker builds it section
by section, and the job's page offers the file."""

from django.urls import reverse

from partnerbase.accounts.models import Role
from partnerbase.jobs.models import Job, JobKind, JobStatus
from partnerbase.reports.report.sections import SECTIONS
from tests.factories import Make, make_programme, make_user


def test_the_report_pdf_is_built_by_a_worker_and_downloaded(client, task_worker):
    actor = make_user()
    make = Make(actor, make_programme(actor, name="Alpha", slug="alpha"))
    champion = make.user(Role.ACCELERATOR_MANAGER)
    client.force_login(champion)
    page = client.get(reverse("reports:report", args=["alpha"])).content.decode()
    assert "Build the PDF in the background" in page
    assert "data-report-building" in page  # the page's own report is queued too
    response = client.post(
        reverse("reports:report_pdf_build", args=["alpha"]),
        {"from": "2017-04-01", "to": "2018-03-31"},
    )
    job = Job.objects.get()
    assert response["Location"] == reverse("jobs:detail", args=["alpha", job.uid])
    assert job.kind == JobKind.REPORT and job.status == JobStatus.QUEUED
    assert job.arguments["start"] == "2017-04-01" and job.arguments["end"] == "2018-03-31"

    assert task_worker() == 2  # the page's kept report, and the PDF

    job.refresh_from_db()
    assert job.status == JobStatus.SUCCEEDED, job.error
    assert job.progress_total == len(SECTIONS) + 1 and job.progress_done == job.progress_total
    assert job.output_name == "alpha-report-2017-04-01-2018-03-31.pdf"
    download = client.get(reverse("jobs:download", args=["alpha", job.uid]))
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    # The accelerator manager sees their own job in the list.
    listing = client.get(reverse("jobs:list", args=["alpha"])).content.decode()
    assert "Progress report" in listing and "Download" in listing


def test_a_bad_period_is_refused_and_nothing_is_queued(client, task_worker):
    actor = make_user()
    make = Make(actor, make_programme(actor, name="Alpha", slug="alpha"))
    client.force_login(make.user(Role.TEAM))
    response = client.post(
        reverse("reports:report_pdf_build", args=["alpha"]), {"from": "2018-03-31", "to": "2017"}
    )
    assert response.status_code == 400 and "like 2018-03-31" in response.content.decode()
    assert not Job.objects.exists() and task_worker() == 0
