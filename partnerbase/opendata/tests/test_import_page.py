"""A funder's 360Giving file uploaded on the page and imported into the programme's ledger
by a task with `grants_import`: the job's page ends with what was added, updated and skipped
(never a grant twice), or names each grant at fault with nothing saved."""

import json
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from partnerbase.accounts.models import Role
from partnerbase.directory.models import Organisation
from partnerbase.funding.models import FundingAward
from partnerbase.jobs.models import Job, JobKind, JobStatus

from .conftest import ALW, DATA


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def _alw(change=None, n=5) -> bytes:
    data = json.loads(ALW.read_text(encoding="utf-8"), parse_float=Decimal)
    grants = data["grants"][:n]
    if change:
        change(grants)
    return json.dumps({"grants": grants}, default=str).encode()


def _upload(client, make, content: bytes, name="alw.json"):
    file = SimpleUploadedFile(name, content, content_type="application/octet-stream")
    return client.post(reverse("opendata:import", args=[make.programme.slug]), {"file": file})


def _job_page(client, make) -> str:
    job = Job.objects.filter(kind=JobKind.IMPORT_360GIVING).first()
    return client.get(reverse("jobs:detail", args=[make.programme.slug, job.uid])).content.decode()


def test_a_file_imported_twice_is_updated_or_skipped_never_doubled(client, make):
    client.force_login(make.user(Role.TEAM))

    first = _upload(client, make, _alw())
    assert first.status_code == 302
    assert FundingAward.objects.filter(programme=make.programme).count() == 5
    page = client.get(first["Location"]).content.decode()
    assert "Imported 5 grants (£" in page and "0 held already and updated" in page

    def change_one(grants):
        grants[0]["title"] = "Renamed by the funder"

    _upload(client, make, _alw(change_one))

    assert FundingAward.objects.filter(programme=make.programme).count() == 5
    page = _job_page(client, make)
    assert "Imported 0 grants (nothing); 1 held already and updated, 4 held already" in page
    grant_id = json.loads(_alw())["grants"][0]["id"]
    assert "Updated (1)" in page and f"{grant_id}." in page
    assert FundingAward.objects.filter(title="Renamed by the funder").count() == 1
    assert not Job.objects.filter(upload__gt="").exists()


def test_a_bad_grant_is_named_and_nothing_is_saved(client, make):
    client.force_login(make.user(Role.TEAM))
    organisations = Organisation.objects.count()

    def spoil(grants):
        grants[3]["amountAwarded"] = -500

    _upload(client, make, _alw(spoil))

    job = Job.objects.get(kind=JobKind.IMPORT_360GIVING)
    assert job.status == JobStatus.FAILED and not job.upload and not job.can_retry
    assert job.error == "Nothing was imported: 1 problem in alw.json."
    grant_id = json.loads(_alw())["grants"][3]["id"]
    assert [p["where"] for p in job.problems] == [f"grants[3] ({grant_id})"]
    assert "amountAwarded" in job.problems[0]["what"]
    assert not FundingAward.objects.exists() and Organisation.objects.count() == organisations
    page = _job_page(client, make)
    assert f"grants[3] ({grant_id})" in page
    assert reverse("opendata:import", args=[make.programme.slug]) in page


def test_a_spreadsheets_problems_are_named_by_row_and_column(client, make):
    client.force_login(make.user(Role.TEAM))
    content = (DATA / "example-dqt-fixture-2-grants.csv").read_bytes()
    _upload(client, make, content, name="grants.csv")
    job = Job.objects.get(kind=JobKind.IMPORT_360GIVING)
    assert job.status == JobStatus.FAILED
    named = {(p["where"], p["what"].split(":")[0]) for p in job.problems}
    assert {("row 2", "Award Date"), ("row 3", "Description")} <= named
    assert '<td class="govuk-table__cell">row 2</td>' in _job_page(client, make)
    assert not FundingAward.objects.exists()


@pytest.mark.parametrize("role", [Role.CHAMPION, Role.ACCELERATOR_MANAGER])
def test_only_the_team_may_import(client, make, role):
    client.force_login(make.user(role))
    assert client.get(reverse("opendata:import", args=[make.programme.slug])).status_code == 403
    assert _upload(client, make, _alw()).status_code == 403
    assert not FundingAward.objects.exists() and not Job.objects.exists()
