"""The import page: the team uploads an interchange file, a task imports it as a new
programme through `programme_import` (all or nothing), and the job's page shows how it went:
the new programme's link, or each record at fault with the database as it was."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from partnerbase.accounts.models import Membership, Role
from partnerbase.accounts.services import membership_grant
from partnerbase.brokering.models import Partnership
from partnerbase.directory.models import Organisation
from partnerbase.funding.models import FundingAward
from partnerbase.jobs.models import Job, JobKind, JobStatus
from partnerbase.programmes.models import Programme
from tests.factories import make_user

from .conftest import record_counts


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def team(small):
    """The administrator, who alone makes programmes, also on the programme's team."""
    user = make_user(email="lead@example.org", full_name="Lena Lead")
    user.is_superuser = True
    user.save(update_fields=["is_superuser"])
    membership_grant(actor=user, user=user, programme=small, role=Role.TEAM)
    return user


def _records(programme) -> list[int]:
    return [
        model.objects.filter(programme=programme).count()
        for model in (Organisation, FundingAward, Partnership)
    ]


def _file(data, name="small.json") -> SimpleUploadedFile:
    content = data if isinstance(data, bytes) else json.dumps(data).encode()
    return SimpleUploadedFile(name, content, content_type="application/json")


def _upload(client, programme, data, **fields):
    url = reverse("interchange:import", args=[programme.slug])
    return client.post(url, {"file": _file(data), **fields})


def test_an_upload_imports_a_new_programme_and_its_page_links_to_it(
    client, small, small_data, team, media
):
    client.force_login(team)
    response = _upload(client, small, small_data, slug="small-copy")

    job = Job.objects.get(kind=JobKind.IMPORT)
    assert response["Location"] == reverse("jobs:detail", args=[small.slug, job.uid])
    assert job.status == JobStatus.SUCCEEDED, job.error
    copy = Programme.objects.get(slug="small-copy")
    assert copy.name == small.name and copy.uid != small.uid
    assert _records(copy) == _records(small) != [0, 0, 0]
    # Its history says who imported it; the administrator needs no role in it.
    assert not Membership.objects.filter(programme=copy, user=team).exists()
    assert copy.history.earliest().history_user == team
    # The upload is deleted once imported; nothing is left under the storage.
    job.refresh_from_db()
    assert not job.upload and job.upload_name == "small.json"
    assert not [p for p in media.rglob("*") if p.is_file()]
    page = client.get(response["Location"]).content.decode()
    assert "Imported Small programme as a new programme, &#x27;small-copy&#x27;" in page
    assert reverse("reports:dashboard", args=["small-copy"]) in page


def test_a_bad_file_names_each_record_at_fault_and_saves_nothing(
    client, small, small_data, team, media
):
    n, award = next(
        (n, a) for n, a in enumerate(small_data["funding_awards"]) if a["title"] == "Grant"
    )
    award["amount"]["currency"] = "GBPX"
    client.force_login(team)
    before = record_counts()

    response = _upload(client, small, small_data, slug="small-copy")

    assert record_counts() == before and not Programme.objects.filter(slug="small-copy").exists()
    job = Job.objects.get(kind=JobKind.IMPORT)
    assert job.status == JobStatus.FAILED
    assert job.error == "Nothing was imported: 1 problem in small.json."
    assert job.problems == [
        {
            "where": f"funding_awards[{n}] (id {award['id']})",
            "what": "amount.currency: 'GBPX' is not a three-letter currency code",
        }
    ]
    # The file is refused, so it is deleted, and the page asks for a corrected one, not Retry.
    assert not job.upload and not job.can_retry
    page = client.get(response["Location"]).content.decode()
    assert f"funding_awards[{n}] (id {award['id']})" in page
    assert "&#x27;GBPX&#x27; is not a three-letter currency code" in page
    assert reverse("interchange:import", args=[small.slug]) in page and ">Retry<" not in page


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", "not an interchange file: not valid JSON"),
        # The form reads the first 2 KB; the task finds what lies beyond.
        (b"{" + b" " * 3000 + b"\xff}", "small.json is not UTF-8 text (byte 3001"),
    ],
)
def test_a_file_that_is_not_json_is_named_and_nothing_is_saved(
    client, small, team, content, message
):
    client.force_login(team)
    before = record_counts()
    _upload(client, small, content)
    job = Job.objects.get(kind=JobKind.IMPORT)
    assert job.status == JobStatus.FAILED
    assert message in job.error + json.dumps(job.problems)
    assert record_counts() == before


def test_the_files_slug_already_taken_is_refused_with_what_to_do(client, small, small_data, team):
    client.force_login(team)
    _upload(client, small, small_data)  # no new slug: the file's own, "small", is taken
    job = Job.objects.get(kind=JobKind.IMPORT)
    assert job.status == JobStatus.FAILED
    assert job.problems == [
        {
            "where": "programme",
            "what": "slug: a programme with the slug 'small' already exists: upload the file "
            "again with a new slug for the programme",
        }
    ]
    assert Programme.objects.count() == 1


def test_the_form_refuses_a_taken_slug_and_a_file_that_is_not_json(client, small, small_data, team):
    client.force_login(team)
    page = _upload(client, small, small_data, slug="small").content.decode()
    assert "A programme already has that short name" in page
    url = reverse("interchange:import", args=[small.slug])
    wrong = SimpleUploadedFile("small.csv", b"a,b\n", content_type="text/csv")
    assert "The selected file must be a JSON" in client.post(url, {"file": wrong}).content.decode()
    assert not Job.objects.exists()


@pytest.mark.parametrize("role", [Role.TEAM, Role.ASSESSOR, Role.ACCELERATOR_MANAGER])
def test_only_the_administrator_may_import(client, small, small_data, role):
    user = make_user(email="other@example.org")
    membership_grant(actor=user, user=user, programme=small, role=role)
    client.force_login(user)
    assert client.get(reverse("interchange:import", args=[small.slug])).status_code == 403
    assert _upload(client, small, small_data, slug="x").status_code == 403
    assert not Job.objects.exists() and Programme.objects.count() == 1


def test_an_import_through_the_real_worker(client, small, small_data, team, task_worker, media):
    client.force_login(team)
    response = _upload(client, small, small_data, slug="small-queued")
    job = Job.objects.get(kind=JobKind.IMPORT)
    # Queued: the file waits in the storage, not in the task's arguments.
    assert job.status == JobStatus.QUEUED and job.arguments == {"slug": "small-queued"}
    assert job.upload and (media / job.upload.name).is_file()
    assert 'data-job-status="queued"' in client.get(response["Location"]).content.decode()

    assert task_worker() == 1

    job.refresh_from_db()
    assert job.status == JobStatus.SUCCEEDED, job.error
    assert _records(Programme.objects.get(slug="small-queued")) == _records(small)
    assert not (media / "private" / "uploads").exists() or not any(
        (media / "private" / "uploads").iterdir()
    )
