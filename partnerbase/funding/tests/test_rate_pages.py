"""The exchange-rates page: the team adds, corrects and uploads rates in the browser, with
the checks of `partnerbase rates import`; everyone else who reads the ledger only reads."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from partnerbase.accounts.models import Role
from partnerbase.funding.models import ExchangeRate
from partnerbase.jobs.models import Job, JobStatus
from tests.factories import Make, make_programme, make_user

pytestmark = pytest.mark.django_db

ADD = {
    "rate_date_0": "29",
    "rate_date_1": "9",
    "rate_date_2": "2017",
    "base": "gbp",
    "quote": "USD",
    "rate": "1.3393",
    "source": "Bank of England",
}


@pytest.fixture
def make():
    actor = make_user()
    return Make(actor, make_programme(actor, slug="alpha"))


def url(name, *args):
    return reverse(f"funding:{name}", args=["alpha", *args])


def as_team(client, make):
    user = make.user(Role.TEAM)
    client.force_login(user)
    return user


def csv_file(text: str, name="rates.csv"):
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


def test_the_team_adds_a_rate_and_sees_it_listed(client, make):
    user = as_team(client, make)

    response = client.post(url("rate_add"), ADD)

    assert response.status_code == 302
    entry = ExchangeRate.objects.get(programme=make.programme)
    assert (entry.base, entry.quote, entry.rate_date) == ("GBP", "USD", date(2017, 9, 29))
    assert entry.rate == Decimal("1.3393") and entry.history.get().history_user == user
    page = client.get(url("rates")).content.decode()
    assert "1 GBP = 1.3393 USD" in page and url("rate_edit", entry.uid) in page


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"rate": "0"}, "rate", "more than 0"),
        ({"rate": "-1.2"}, "rate", "more than 0"),
        ({"rate": "1.123456789"}, "rate", "at most 8 decimal places"),
        ({"rate": "abc"}, "rate", "as a number"),
        ({"base": "ZZZZ"}, "base", "three-letter code"),
        ({"quote": "GBP"}, "quote", "different from"),
        ({"source": ""}, "source", "where the rate comes from"),
        ({"rate_date_0": "31", "rate_date_1": "2"}, "rate_date", "must be a real date"),
    ],
)
def test_a_bad_rate_is_named_and_not_saved(client, make, change, field, message):
    as_team(client, make)

    response = client.post(url("rate_add"), {**ADD, **change})

    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert message in response.content.decode()
    assert not ExchangeRate.objects.exists()


def test_a_second_rate_for_the_same_day_and_pair_is_refused(client, make):
    as_team(client, make)
    make.rate("GBP", "USD", date(2017, 9, 29), "1.33")

    response = client.post(url("rate_add"), ADD)

    assert "already has a GBP to USD rate on this date" in response.content.decode()
    assert ExchangeRate.objects.get().rate == Decimal("1.33")


def test_a_correction_keeps_the_old_rate_in_the_history(client, make):
    as_team(client, make)
    entry = make.rate("GBP", "USD", date(2017, 9, 29), "1.33")

    client.post(url("rate_edit", entry.uid), {"rate": "1.3393", "source": "Corrected"})

    entry.refresh_from_db()
    assert (entry.rate, entry.source) == (Decimal("1.3393"), "Corrected")
    assert sorted(h.rate for h in entry.history.all()) == [Decimal("1.33"), Decimal("1.3393")]
    assert "Changes to this rate" in client.get(url("rate_edit", entry.uid)).content.decode()


def test_an_upload_adds_every_rate(client, make):
    as_team(client, make)
    text = "date,from,to,rate,source\n2017-09-29,GBP,USD,1.3393,BoE\n2017-09-29,EUR,GBP,0.88,ECB\n"

    response = client.post(url("rates_upload"), {"file": csv_file(text)}, follow=True)

    assert ExchangeRate.objects.filter(programme=make.programme).count() == 2
    page = response.content.decode()
    assert "Rates uploaded: 2 added, 0 replaced, 0 already there." in page
    assert Job.objects.get().started_by.memberships.filter(role=Role.TEAM).exists()
    assert set(ExchangeRate.history.values_list("history_user", flat=True)) == {
        Job.objects.get().started_by_id
    }


def test_an_upload_with_one_bad_row_saves_nothing_and_names_the_row(client, make):
    as_team(client, make)
    text = "date,from,to,rate,source\n2017-09-29,GBP,USD,1.3393,BoE\n2017-02-30,GBP,USD,1.2,BoE\n"

    response = client.post(url("rates_upload"), {"file": csv_file(text)}, follow=True)

    # Checked on the queue: the job's page names the row, and the file is gone.
    page = response.content.decode()
    assert response.redirect_chain[0][0].startswith("/programmes/alpha/background/")
    assert "Nothing was saved: 1 row of the file cannot be used." in page
    assert '<td class="govuk-table__cell">row 3</td>' in page
    assert "2017-02-30" in page and ">Retry<" not in page
    assert not ExchangeRate.objects.exists()
    job = Job.objects.get()
    assert job.status == JobStatus.FAILED and not job.upload and job.upload_name == "rates.csv"


def test_an_upload_replaces_rates_only_when_asked(client, make):
    as_team(client, make)
    make.rate("GBP", "USD", date(2017, 9, 29), "1.33")
    text = "date,from,to,rate,source\n2017-09-29,GBP,USD,1.3393,BoE\n"

    refused = client.post(url("rates_upload"), {"file": csv_file(text)}, follow=True)
    assert "already has a GBP to USD rate" in refused.content.decode()
    assert ExchangeRate.objects.get().rate == Decimal("1.33")

    client.post(url("rates_upload"), {"file": csv_file(text), "update": "on"})
    assert ExchangeRate.objects.get().rate == Decimal("1.3393")


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"\xff\xfe\x00d\x00a", "saved as UTF-8"), (b"x" * 1_000_001, "smaller than 1 MB")],
)
def test_a_file_that_is_not_a_small_utf8_csv_is_refused(client, make, content, message):
    as_team(client, make)
    upload = SimpleUploadedFile("rates.csv", content, content_type="text/csv")

    response = client.post(url("rates_upload"), {"file": upload})

    assert message in response.content.decode()
    assert not ExchangeRate.objects.exists()


@pytest.mark.parametrize("role", [Role.ACCELERATOR_MANAGER, Role.CHAMPION])
def test_readers_of_the_ledger_see_rates_but_cannot_change_them(client, make, role):
    entry = make.rate("GBP", "USD", date(2017, 9, 29), "1.33")
    client.force_login(make.user(role))

    page = client.get(url("rates"))
    assert page.status_code == 200 and "Add a rate" not in page.content.decode()
    assert client.get(url("rate_add")).status_code == 403
    assert client.post(url("rate_add"), ADD).status_code == 403
    assert client.post(url("rate_edit", entry.uid), {"rate": "2", "source": "x"}).status_code == 403
    text = "date,from,to,rate,source\n2017-09-30,GBP,USD,1.3393,BoE\n"
    assert client.post(url("rates_upload"), {"file": csv_file(text)}).status_code == 403
    assert ExchangeRate.objects.count() == 1 and ExchangeRate.objects.get().rate == Decimal("1.33")


def test_another_programmes_rate_is_not_found(client, make):
    other = Make(make.actor, make_programme(make.actor, slug="bravo"))
    entry = other.rate("GBP", "USD", date(2017, 9, 29), "1.33")
    as_team(client, make)

    assert client.get(url("rate_edit", entry.uid)).status_code == 404


def test_a_lost_workers_upload_keeps_its_file_and_retry_reads_it_again(
    client, make, task_worker, settings, tmp_path
):
    """A worker killed mid-task leaves the job running and silent: the page offers Retry,
    and the file, which only a refusal or success removes, is read again from the storage."""
    settings.MEDIA_ROOT = tmp_path
    as_team(client, make)
    text = "date,from,to,rate,source\n2017-09-29,GBP,USD,1.3393,BoE\n"
    job_page = client.post(url("rates_upload"), {"file": csv_file(text)})["Location"]
    long_ago = timezone.now() - timedelta(minutes=settings.JOB_STALE_MINUTES + 1)
    DBTaskResult.objects.update(status=TaskResultStatus.RUNNING)  # the worker took it, then died
    Job.objects.update(status=JobStatus.RUNNING, started_at=long_ago, heartbeat_at=long_ago)
    assert task_worker() == 0

    page = client.get(job_page).content.decode()
    assert "The worker stopped" in page and ">Retry<" in page
    job = Job.objects.get()
    assert job.upload and (tmp_path / job.upload.name).is_file()
    client.post(job_page.rstrip("/") + "/retry/")
    assert task_worker() == 1

    job.refresh_from_db()
    assert job.status == JobStatus.SUCCEEDED and job.attempts == 2
    assert ExchangeRate.objects.get().rate == Decimal("1.3393")
    assert not job.upload and not any((tmp_path / "private" / "uploads").iterdir())
