"""The public page a department publishes: only published records, the figures with their
definitions, downloads that equal the figures, the statements and the phase banner."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from partnerbase.accounts.models import Role
from partnerbase.core.period import programme_period
from partnerbase.impact.definitions import DEFINITIONS
from partnerbase.impact.figures import headline_figures
from partnerbase.programmes.models import Programme
from partnerbase.programmes.services import programme_publish, programme_update
from partnerbase.projects import services as projects
from partnerbase.stories import services as stories
from tests.factories import Make, make_programme, make_user

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = [
    "public_figures",
    "public_figures_csv",
    "public_figures_json",
    "public_accessibility",
    "public_privacy",
]


@pytest.fixture
def make():
    actor = make_user()
    make = Make(actor, make_programme(actor, name="Alpha Partnership", slug="alpha"))
    make.convener("Department for Culture")
    bank = make.org("Barclays", kind="business")
    cohort = make.cohort(date(2017, 3, 1))
    shown, hidden = (make.innovator(cohort, date(2017, 3, 1), n) for n in ("Shown", "Hidden"))
    make.award(funder=bank, recipient=shown, amount="25000", on=date(2017, 6, 1))
    make.target("additional_funding", "10000")
    for organisation, published in ((shown, True), (hidden, False)):
        story = stories.story_add(actor=actor, programme=make.programme, organisation=organisation)
        stories.story_publish(actor=actor, story=story, published=published)
    for name, published in (("Public pilot", True), ("Private pilot", False)):
        project = projects.project_create(
            actor=actor,
            programme=make.programme,
            name=name,
            status="launched",
            launch_date=date(2017, 6, 1),
            coalition=[(bank, "funder")],
        )
        projects.project_publish(actor=actor, project=project, published=published)
    for name, published in (("Public prize", True), ("Private prize", False)):
        projects.competition_create(
            actor=actor,
            programme=make.programme,
            name=name,
            sponsor=bank,
            prize_fund=Decimal("3000000"),
            currency="GBP",
            launch_date=date(2017, 7, 1),
            published=published,
        )
    return make


def publish(make):
    programme_publish(actor=make.actor, programme=make.programme, published=True)


def get(client, name, slug="alpha"):
    return client.get(reverse(name, args=[slug]))


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_an_unpublished_programme_has_no_public_pages(client, make, name):
    assert get(client, name).status_code == 404
    publish(make)
    assert get(client, name).status_code == 200  # signed out


def test_only_published_records_appear_with_the_figures_and_their_definitions(client, make):
    publish(make)

    page = get(client, "public_figures").content.decode()

    assert "Department for Culture" in page
    for shown in ("Shown received a £25,000", "Public pilot", "Public prize"):
        assert shown in page
    for hidden in ("Hidden", "Private pilot", "Private prize"):
        assert hidden not in page
    for definition in DEFINITIONS.values():
        assert definition.replace("'", "&#x27;") in page
    for download in ("public_360giving", "public_figures_csv", "public_figures_json"):
        assert reverse(download, args=["alpha"]) in page
    assert "govuk-phase-banner" not in page


def test_the_teams_preview_shows_the_same_page_before_publishing(client, make):
    client.force_login(make.user(Role.TEAM))
    page = client.get(reverse("setup:public_page", args=["alpha"])).content.decode()
    assert "Preview: not published" in page
    assert "Shown received a £25,000" in page and "Public pilot" in page
    assert "Hidden" not in page and "Private pilot" not in page


def test_the_figures_as_csv_and_json_equal_the_figures(client, make):
    publish(make)
    programme = Programme.objects.get(slug="alpha")
    figures = headline_figures(programme, programme_period(programme))

    rows = list(csv.DictReader(io.StringIO(get(client, "public_figures_csv").content.decode())))
    data = get(client, "public_figures_json").json()

    assert [r["figure"] for r in rows] == [f.key for f in figures]
    for row, item, f in zip(rows, data["figures"], figures, strict=True):
        assert item["figure"] == row["figure"] == f.key
        assert item["display"] == row["display"] == f.display
        value = f.value if f.is_money else int(f.value)
        assert Decimal(row["value"]) == Decimal(item["value"]) == value
        assert item["definition"] == DEFINITIONS[f.key]
    funding = next(item for item in data["figures"] if item["figure"] == "additional_funding")
    assert (funding["value"], funding["unit"], funding["target"]) == ("25000.00", "GBP", "10000.00")


def test_the_statements_default_to_the_standard_text_and_the_teams_own_replaces_it(client, make):
    publish(make)
    standard = get(client, "public_accessibility").content.decode()
    assert "This accessibility statement applies to the public page of Alpha Partnership" in (
        standard
    )
    assert "Equality and Human Rights Commission" in standard
    assert "Information Commissioner" in get(client, "public_privacy").content.decode()

    programme_update(
        actor=make.actor,
        programme=Programme.objects.get(slug="alpha"),
        privacy_notice="## Who we are\n\nThe Alpha team, at alpha@example.org.",
        department_contact="alpha@example.org",
        phase_banner="beta",
    )

    privacy = get(client, "public_privacy").content.decode()
    assert '<h2 class="govuk-heading-m">Who we are</h2>' in privacy
    assert '<p class="govuk-body">The Alpha team, at alpha@example.org.</p>' in privacy
    assert "Information Commissioner" not in privacy
    assert "alpha@example.org" in get(client, "public_accessibility").content.decode()
    page = get(client, "public_figures").content.decode()
    assert "govuk-phase-banner" in page and ">Beta<" in page


def test_the_team_sets_the_public_page_in_the_settings(client, make):
    client.force_login(make.user(Role.TEAM))
    programme = Programme.objects.get(slug="alpha")
    data = {
        "name": programme.name,
        "starts_on_0": "1",
        "starts_on_1": "1",
        "starts_on_2": "2017",
        "reference_currency": "GBP",
        "display_currencies": "USD",
        "department_contact": "alpha@example.org",
        "phase_banner": "alpha",
        "accessibility_statement": "Our own statement.",
        "privacy_notice": "",
    }

    assert client.post(reverse("setup:settings", args=["alpha"]), data).status_code == 302

    programme.refresh_from_db()
    assert (programme.department_contact, programme.phase_banner) == ("alpha@example.org", "alpha")
    assert programme.accessibility_statement == "Our own statement."
    bad = client.post(reverse("setup:settings", args=["alpha"]), {**data, "phase_banner": "gamma"})
    assert bad.status_code == 200 and "govuk-error-summary" in bad.content.decode()
    programme.refresh_from_db()
    assert programme.phase_banner == "alpha"


def test_only_the_team_publishes_a_project_or_competition(client, make):
    project = projects.project_create(
        actor=make.actor, programme=make.programme, name="Quiet pilot"
    )
    address = reverse("projects:project_publish", args=["alpha", project.uid])
    for role in (Role.CHAMPION, Role.ACCELERATOR_MANAGER, Role.PARTNER_CONTACT):
        client.force_login(make.user(role))
        assert client.post(address, {"publish": "yes"}).status_code == 403
    client.force_login(make.user(Role.TEAM))
    assert client.get(address).status_code == 405
    assert client.post(address, {"publish": "yes"}).status_code == 302
    project.refresh_from_db()
    assert project.published
    assert project.history.first().history_change_reason == "Published on the public page"


def test_the_public_report_pdf_holds_published_records_only(client, make):
    from pypdf import PdfReader

    assert get(client, "public_report_pdf").status_code == 404  # not published yet
    publish(make)

    response = get(client, "public_report_pdf")

    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = " ".join(
        " ".join((p.extract_text() or "").split())
        for p in PdfReader(io.BytesIO(response.content)).pages
    )
    for shown in ("Shown received", "Public pilot", "Public prize"):
        assert shown in text, shown
    for hidden in ("Hidden received", "Private pilot", "Private prize"):
        assert hidden not in text, hidden
    assert (
        reverse("public_report_pdf", args=["alpha"])
        in get(client, "public_figures").content.decode()
    )


def test_the_public_page_draws_each_figure_over_time_with_its_data_as_csv(client, make):
    publish(make)
    page = get(client, "public_figures").content.decode()

    assert page.count('class="pb-chart"') == 6
    csv_url = reverse("public_chart_csv", args=["alpha", "figure-additional-funding"])
    assert csv_url in page
    # Signed out: the data of the public chart, months adding up to the figure.
    response = client.get(csv_url)
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    in_month = [Decimal(row[1]) for row in rows[1:] if row[1]]
    figure = headline_figures(make.programme, programme_period(make.programme))
    assert sum(in_month) == figure.figures["additional_funding"].value == Decimal("25000")
    # Only the figures' charts are public, and only while the programme is published.
    other = reverse("public_chart_csv", args=["alpha", "funding-by-funder"])
    assert client.get(other).status_code == 404
    programme_publish(actor=make.actor, programme=make.programme, published=False)
    assert client.get(csv_url).status_code == 404
