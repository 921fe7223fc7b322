"""Who may open the open-data page and download the files: every role, and the public file."""

import json
from datetime import date

import pytest
from django.http import Http404
from django.urls import reverse

from partnerbase.accounts.models import Role
from partnerbase.opendata.views import public_360giving
from tests.factories import Make, make_programme, make_user, roles

pytestmark = pytest.mark.django_db

ALLOWED = {Role.TEAM, Role.CHAMPION, "superuser"}
PAGES = {
    "page": lambda slug: reverse("opendata:open_data", args=[slug]),
    "json": lambda slug: reverse("opendata:export", args=[slug, "json"]),
    "csv": lambda slug: reverse("opendata:export", args=[slug, "csv"]),
}


def _open(client, page, slug):
    """The page is read; a file is asked for (POST) and written on the task queue."""
    return (client.get if page == "page" else client.post)(PAGES[page](slug))


def _programme(actor, slug, **extra):
    make = Make(actor, make_programme(actor, name=f"{slug.title()} Programme", slug=slug, **extra))
    funder, innovator = make.org("Funder", kind="funder"), make.org("Innovator")
    make.award(funder=funder, recipient=innovator, amount="2500", on=date(2017, 5, 1))
    return make


@pytest.fixture
def alpha():
    return _programme(make_user(), "alpha")


def _sign_in(client, make, who):
    roles.sign_in(client, who, make.user)


@pytest.mark.parametrize("who", [*Role.values, "superuser", "no role"])
@pytest.mark.parametrize("page", PAGES)
def test_who_may_open_the_open_data(client, alpha, page, who):
    _sign_in(client, alpha, who)

    response = _open(client, page, alpha.programme.slug)

    if who in ALLOWED:
        assert response.status_code == (200 if page == "page" else 302)
    else:
        assert response.status_code == (404 if who == "no role" else 403)


@pytest.mark.parametrize("page", PAGES)
def test_signed_out_visitors_are_sent_to_sign_in(client, alpha, page):
    response = _open(client, page, alpha.programme.slug)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_the_page_shows_validation_and_warnings(client, alpha):
    _sign_in(client, alpha, Role.TEAM)

    body = client.get(PAGES["page"](alpha.programme.slug)).content.decode()

    assert "Valid</strong> against the official 360Giving schema" in body
    assert "£2,500" in body
    assert "NoBeneficiaryLocation" in body
    assert reverse("opendata:export", args=["alpha", "csv"]) in body


def _download(client, job_page: str) -> tuple[str, str]:
    page = client.get(job_page).content.decode()
    assert "valid against the 360Giving schema" in page
    response = client.get(job_page.rstrip("/") + "/download/")
    return response["Content-Disposition"], b"".join(response.streaming_content).decode()


def test_the_files_are_written_on_the_queue_and_downloaded_from_the_job(
    client, alpha, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    _sign_in(client, alpha, Role.TEAM)

    json_disposition, as_json = _download(client, client.post(PAGES["json"]("alpha"))["Location"])
    csv_disposition, as_csv = _download(client, client.post(PAGES["csv"]("alpha"))["Location"])

    assert json.loads(as_json)["grants"][0]["amountAwarded"] == 2500
    assert 'filename="alpha-360giving-' in json_disposition and '.json"' in json_disposition
    assert '.csv"' in csv_disposition
    assert as_csv.startswith("Identifier,Title,Description,Currency")
    # Another champion did not start it: their own file only (the team sees every one).
    job_page = client.post(PAGES["json"]("alpha"))["Location"]
    client.logout()
    _sign_in(client, alpha, Role.CHAMPION)
    assert client.get(job_page).status_code == 404
    assert client.get(job_page + "download/").status_code == 404


def test_an_unknown_format_is_not_found(client, alpha):
    _sign_in(client, alpha, Role.TEAM)

    assert client.post(reverse("opendata:export", args=["alpha", "xml"])).status_code == 404
    assert client.get(PAGES["json"]("alpha")).status_code == 405


def test_the_dashboard_links_to_open_data_only_for_those_who_may_open_it(client, alpha):
    link = PAGES["page"]("alpha")
    _sign_in(client, alpha, Role.CHAMPION)
    assert link in client.get(reverse("reports:dashboard", args=["alpha"])).content.decode()
    client.logout()
    _sign_in(client, alpha, Role.ACCELERATOR_MANAGER)
    assert link not in client.get(reverse("reports:dashboard", args=["alpha"])).content.decode()


@pytest.mark.parametrize("who", [*Role.values, "superuser", "no role", "anonymous"])
def test_the_public_file_is_only_for_published_programmes(rf, alpha, who):
    published = _programme(alpha.actor, "bravo", figures_published=True)
    request = rf.get("/public/x/360giving.json")
    request.user = make_user() if who != "anonymous" else type("Anon", (), {})()

    response = public_360giving(request, slug=published.programme.slug)

    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    assert json.loads(body)["grants"][0]["amountAwarded"] == 2500
    with pytest.raises(Http404):
        public_360giving(request, slug="alpha")
