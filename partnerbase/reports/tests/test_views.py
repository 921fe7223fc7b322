"""Who may open each page: every role, signed-out visitors, people with no role and
superusers; and nobody sees into a programme they do not belong to."""

import csv
import io
from datetime import date
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from partnerbase.accounts.models import Role
from partnerbase.brokering.stages import Stage
from partnerbase.core.lists import csv_safe
from partnerbase.core.period import programme_period
from partnerbase.directory.models import Engagement, Organisation
from partnerbase.impact.definitions import DEFINITIONS, ROLE_SPANS
from partnerbase.impact.models import Figure, Target
from partnerbase.impact.records import figure_records
from tests.factories import Make, make_programme, make_user, roles

pytestmark = pytest.mark.django_db

DASHBOARD = {Role.TEAM, Role.CHAMPION, Role.ACCELERATOR_MANAGER, "superuser"}
DIRECTORY = {Role.TEAM, Role.ACCELERATOR_MANAGER, "superuser"}
MANAGE = {Role.TEAM, "superuser"}
SIGNED_IN = set(Role.values) | {"superuser", "no role"}

# page → (url from the programme and one of its organisations, who may open it)
PAGES = {
    "programme list": (lambda p, o: reverse("home"), SIGNED_IN),
    "dashboard": (lambda p, o: reverse("reports:dashboard", args=[p.slug]), DASHBOARD),
    "figure": (
        lambda p, o: reverse("reports:figure_detail", args=[p.slug, Figure.ADDITIONAL_FUNDING]),
        DASHBOARD,
    ),
    "figure csv": (
        lambda p, o: (
            reverse("reports:figure_detail", args=[p.slug, Figure.ORGANISATIONS_ENGAGED])
            + "?format=csv"
        ),
        DASHBOARD,
    ),
    "targets": (lambda p, o: reverse("reports:targets_edit", args=[p.slug]), MANAGE),
    "report": (lambda p, o: reverse("reports:report", args=[p.slug]), DASHBOARD),
    "report chart csv": (
        lambda p, o: reverse("reports:report_chart_csv", args=[p.slug, "figure-new-projects"]),
        DASHBOARD,
    ),
    "organisations": (
        lambda p, o: reverse("directory:organisation_list", args=[p.slug]),
        DIRECTORY,
    ),
    "organisation": (
        lambda p, o: reverse("directory:organisation_detail", args=[p.slug, o.uid]),
        DIRECTORY,
    ),
    "add organisation": (lambda p, o: reverse("directory:organisation_add", args=[p.slug]), MANAGE),
    "add engagement": (
        lambda p, o: reverse("directory:engagement_add", args=[p.slug, o.uid]),
        MANAGE,
    ),
}
PROGRAMME_PAGES = [name for name in PAGES if name != "programme list"]


def build(actor, name, slug, **extra):
    """A programme with an organisation in each figure, so every page has rows to show."""
    make = Make(actor, make_programme(actor, name=name, slug=slug, **extra))
    cohort = make.cohort(date(2017, 3, 1))
    innovator = make.innovator(cohort, date(2017, 3, 1), f"{name} Innovator")
    funder = make.org(f"{name} Funder", kind="funder")
    make.engagement(funder, date(2017, 4, 1))
    make.award(funder=funder, recipient=innovator, amount="1000", on=date(2017, 5, 1))
    make.partnership(innovator=innovator, partners=[funder], value="5000")
    make.project()
    make.organisation = innovator
    return make


@pytest.fixture
def alpha():
    return build(make_user(), "Alpha Inclusion Programme", "alpha", figures_published=True)


@pytest.fixture
def bravo(alpha):
    return build(alpha.actor, "Bravo Growth Programme", "bravo")


def sign_in(client, make, who):
    return roles.sign_in(client, who, make.user)


def url_of(page, make):
    return PAGES[page][0](make.programme, make.organisation)


@pytest.mark.parametrize("who", [*Role.values, "superuser", "no role"])
@pytest.mark.parametrize("page", PAGES)
def test_who_may_open_each_page(client, alpha, page, who):
    sign_in(client, alpha, who)

    response = client.get(url_of(page, alpha))

    if who in PAGES[page][1]:
        assert response.status_code == 200
        if page not in ("figure csv", "report chart csv"):
            # The list names only programmes the user belongs to.
            assert (alpha.programme.name in response.content.decode()) is (who != "no role")
    else:
        # Someone without a role here is not told the programme exists.
        assert response.status_code == (404 if who == "no role" else 403)


@pytest.mark.parametrize("page", PAGES)
def test_signed_out_visitors_are_sent_to_sign_in(client, alpha, page):
    url = url_of(page, alpha)

    response = client.get(url)

    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert location.path == reverse("accounts:login")
    assert parse_qs(location.query) == {"next": [url]}


def test_the_sign_in_page_is_open(client):
    assert client.get(reverse("accounts:login")).status_code == 200


@pytest.mark.parametrize("who", [*Role.values, "superuser", "no role", "anonymous"])
def test_published_figures_are_public_and_unpublished_ones_are_not(client, alpha, bravo, who):
    sign_in(client, alpha, who)

    published = client.get(reverse("public_figures", args=[alpha.programme.slug]))
    unpublished = client.get(reverse("public_figures", args=[bravo.programme.slug]))

    assert published.status_code == 200
    assert alpha.programme.name in published.content.decode()
    assert unpublished.status_code == 404


@pytest.mark.parametrize("who", [*Role.values, "no role"])
def test_the_admin_refuses_non_staff(client, alpha, who):
    sign_in(client, alpha, who)

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_the_admin_refuses_signed_out_visitors_and_admits_superusers(client, alpha):
    assert client.get("/admin/").status_code == 302
    sign_in(client, alpha, "superuser")
    assert client.get("/admin/").status_code == 200


# --- one programme cannot see another --------------------------------------------------


@pytest.mark.parametrize("role", Role.values)
def test_a_user_of_one_programme_gets_404_on_every_page_of_another(client, alpha, bravo, role):
    sign_in(client, alpha, role)

    for page in PROGRAMME_PAGES:
        response = client.get(url_of(page, bravo))
        assert response.status_code == 404, page
        assert bravo.programme.name not in response.content.decode()
        # The same pages of their own programme do not 404.
        assert client.get(url_of(page, alpha)).status_code in (200, 403), page

    listing = client.get(reverse("home")).content.decode()
    assert alpha.programme.name in listing
    assert bravo.programme.name not in listing and bravo.programme.slug not in listing


def test_an_organisation_of_another_programme_is_not_found_under_your_own(client, alpha, bravo):
    sign_in(client, alpha, Role.TEAM)

    for name in ("directory:organisation_detail", "directory:engagement_add"):
        url = reverse(name, args=[alpha.programme.slug, bravo.organisation.uid])
        assert client.get(url).status_code == 404


def test_a_superuser_sees_every_programme(client, alpha, bravo):
    sign_in(client, alpha, "superuser")

    listing = client.get(reverse("home")).content.decode()

    assert alpha.programme.name in listing and bravo.programme.name in listing


# --- what the figure pages show --------------------------------------------------------


@pytest.mark.parametrize("key", Figure.values)
def test_each_figure_page_and_its_csv_list_the_figures_records(client, alpha, key):
    sign_in(client, alpha, Role.TEAM)
    records = figure_records(alpha.programme, key, programme_period(alpha.programme))
    url = reverse("reports:figure_detail", args=[alpha.programme.slug, key])

    page = client.get(url)
    download = client.get(url, {"format": "csv"})

    assert page.status_code == 200
    assert page.context["count"] == records.count > 0
    assert download["Content-Type"].startswith("text/csv")
    assert f'filename="{alpha.programme.slug}-{key}.csv"' in download["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(b"".join(download.streaming_content).decode())))
    assert rows[0] == records.columns
    assert rows[1:] == [[csv_safe(cell) for cell in row["cells"]] for row in records.rows]


def test_a_long_figure_list_comes_in_pages_and_its_csv_holds_every_record(client, alpha):
    for n in range(60):
        organisation = alpha.org(f"=Engaged {n:02}")
        alpha.engagement(organisation, date(2017, 3, 1 + n % 28))
    sign_in(client, alpha, Role.TEAM)
    key = Figure.ORGANISATIONS_ENGAGED
    records = figure_records(alpha.programme, key, programme_period(alpha.programme))
    url = reverse("reports:figure_detail", args=[alpha.programme.slug, key])
    first = client.get(url)
    assert first.context["count"] == records.count > 60
    assert len(first.context["rows"]) == 50
    assert 'class="govuk-pagination"' in first.content.decode()
    last = client.get(url, {"page": 2})
    shown = [r["record"] for r in first.context["rows"] + last.context["rows"]]
    assert shown == [r["record"] for r in records.rows]
    rows = list(
        csv.reader(
            io.StringIO(b"".join(client.get(url, {"format": "csv"}).streaming_content).decode())
        )
    )
    assert len(rows) - 1 == records.count
    assert "'=Engaged 00" in [r[0] for r in rows]  # formula neutralised


def test_a_figures_records_are_searched_and_sorted_in_the_url(client, alpha):
    for n in range(60):
        organisation = alpha.org(f"Engaged {n:02}")
        alpha.engagement(organisation, date(2017, 3, 1 + n % 28))
    sign_in(client, alpha, Role.TEAM)
    key = Figure.ORGANISATIONS_ENGAGED
    records = figure_records(alpha.programme, key, programme_period(alpha.programme))
    url = reverse("reports:figure_detail", args=[alpha.programme.slug, key])
    # Search: only the matching records, on the page and in the CSV.
    found = client.get(url, {"q": "engaged 1"})
    # Each word in the name: "Engaged 01", "Engaged 10"…
    names = sorted(
        r["record"].name
        for r in records.rows
        if "engaged" in r["record"].name.lower() and "1" in r["record"].name
    )
    assert found.context["count"] == len(names) == 15
    assert [r["record"].name for r in found.context["rows"]] == names
    body = found.content.decode()
    assert "match the search" in body and "?q=engaged+1&amp;format=csv" in body
    download = client.get(url, {"q": "engaged 1", "format": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(download.streaming_content).decode())))
    assert [r[0] for r in rows[1:]] == names
    # Sort: names from Z to A, the heading says so; pages keep the order.
    flipped = client.get(url, {"sort": "-name"})
    every = sorted((r["record"].name for r in records.rows), reverse=True)
    assert [r["record"].name for r in flipped.context["rows"]] == every[:50]
    assert 'aria-sort="descending"' in flipped.content.decode()
    assert 'href="?sort=-name&amp;page=2"' in flipped.content.decode()
    second = client.get(url, {"sort": "-name", "page": 2})
    assert [r["record"].name for r in second.context["rows"]] == every[50:]
    # A sort that is not offered is the figure's own order.
    assert client.get(url, {"sort": "uid"}).context["sort"] == "name"


def test_an_unknown_figure_is_not_found(client, alpha):
    sign_in(client, alpha, Role.TEAM)
    url = reverse("reports:figure_detail", args=[alpha.programme.slug, "happiness"])
    assert client.get(url).status_code == 404


def test_the_dashboard_shows_each_figure(client, alpha):
    alpha.partnership(stage=Stage.DECLINED)
    sign_in(client, alpha, Role.CHAMPION)

    response = client.get(reverse("reports:dashboard", args=[alpha.programme.slug]))

    html = response.content.decode()
    for result in response.context["figures"]:
        assert result.label in html
        assert result.display.replace("&", "&amp;") in html


def test_the_dashboard_and_each_figure_page_say_how_it_is_counted(client, alpha):
    sign_in(client, alpha, Role.TEAM)

    html = client.get(reverse("reports:dashboard", args=[alpha.programme.slug])).content.decode()
    funding = client.get(
        reverse("reports:figure_detail", args=[alpha.programme.slug, Figure.ADDITIONAL_FUNDING])
    ).content.decode()

    for key, definition in DEFINITIONS.items():
        assert definition.replace("'", "&#x27;") in html, key
    for role, span in ROLE_SPANS:
        assert f"{role}: {span}".replace("'", "&#x27;") in html
    assert "alumni&#x27;s follow-on funding counts" in funding


# --- writes are checked too, not just the pages that show the forms --------------------

# page → (valid form data, what a successful post would change)
WRITES = {
    "targets": ({Figure.NEW_PROJECTS: "9"}, lambda: Target.objects.count()),
    "add organisation": (
        {"name": "Sneaky Ltd", "kind": "business", "identifiers": "", "regions": ""},
        lambda: Organisation.objects.count(),
    ),
    "add engagement": (
        {
            "kind": "call",
            "occurred_on_0": "1",
            "occurred_on_1": "5",
            "occurred_on_2": "2017",
            "summary": "Call",
        },
        lambda: Engagement.objects.count(),
    ),
}


@pytest.mark.parametrize("who", [*Role.values, "superuser", "no role", "anonymous"])
@pytest.mark.parametrize("page", WRITES)
def test_only_the_team_may_post_to_a_write_page(client, alpha, bravo, page, who):
    data, count = WRITES[page]
    sign_in(client, alpha, who)
    before = count()

    response = client.post(url_of(page, alpha), data)
    changed = count() - before
    into_bravo = client.post(url_of(page, bravo), data)

    if who in MANAGE:
        assert (response.status_code, changed) == (302, 1)
        # Only a superuser reaches another programme.
        assert into_bravo.status_code == (302 if who == "superuser" else 404)
    else:
        expected = {"anonymous": 302, "no role": 404}.get(who, 403)
        assert (response.status_code, changed) == (expected, 0)
        assert into_bravo.status_code == (302 if who == "anonymous" else 404)
        assert count() == before


def test_the_dashboard_period_is_chosen_with_day_month_and_year(client, alpha):
    sign_in(client, alpha, Role.TEAM)
    url = reverse("reports:dashboard", args=[alpha.programme.slug])
    default = programme_period(alpha.programme)
    start = default.start
    query = {"start_0": str(start.day), "start_1": str(start.month), "start_2": str(start.year)}

    response = client.get(url, query)

    html = response.content.decode()
    assert response.context["period"].start == start
    assert response.context["period"].end == default.end
    assert 'class="govuk-date-input"' in html and 'name="end_2"' in html
    # Links to a figure's records keep the period.
    figure_url = reverse("reports:figure_detail", args=[alpha.programme.slug, Figure.values[0]])
    assert f"{figure_url}?start_0={start.day}&amp;start_1=" in html


@pytest.mark.parametrize(
    ("query", "message", "href"),
    [
        (
            {"end_0": "40", "end_1": "2", "end_2": "2018"},
            "The end date must be a real date",
            "#id_end_0",
        ),
        ({"start_0": "1", "start_2": "2018"}, "The start date must include a month", "#id_start_1"),
        (
            {"start_0": "2", "start_1": "1", "start_2": "2018"}
            | {"end_0": "1", "end_1": "1", "end_2": "2018"},
            "The end date must be the same as or after the start date.",
            "#id_end_0",
        ),
    ],
)
def test_a_wrong_period_is_reported_and_the_whole_programme_shown(
    client, alpha, query, message, href
):
    sign_in(client, alpha, Role.TEAM)
    url = reverse("reports:dashboard", args=[alpha.programme.slug])

    response = client.get(url, query)

    html = response.content.decode()
    assert f'<a href="{href}">{message}</a>' in html
    assert "govuk-form-group--error" in html and "govuk-input--error" in html
    assert response.context["period"] == programme_period(alpha.programme)
