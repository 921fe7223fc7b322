"""The progress report: built from the IEP demo's records it holds the seed's facts, in
the page, the PDF and the HTML file; each chart's data equals the figures; an empty
programme still gets a report; only those who may see the figures may open it."""

import csv
import io
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from pypdf import PdfReader

from partnerbase.accounts.models import Role
from partnerbase.brokering.queries import conversion
from partnerbase.core.period import programme_period
from partnerbase.impact.figures import ADDITIVE_FIGURES
from partnerbase.impact.models import Figure
from partnerbase.reports.report import programme_sections
from partnerbase.reports.report.build import build_report
from partnerbase.reports.report.sections import SECTIONS
from tests.factories import Make, make_programme, make_user

pytestmark = pytest.mark.django_db

# The seed's facts (DESIGN.md, the demo's figures), and the records behind its stories.
SEED_FACTS = [
    "125",
    "£632,913 ($833,356)",
    "£2 million ($2.63 million)",
    "Open Banking for Good",
    "Nationwide",
    "£3 million",
    "West Midlands",
    "Cabinet Office",
]


@pytest.fixture(scope="module")
def demo(iep_for_module):
    return iep_for_module


def text_of(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def one_line(text: str) -> str:
    return " ".join(text.split())


def test_the_demo_report_holds_the_seed_facts_in_the_page(client, demo):
    client.force_login(demo_user(demo, Role.TEAM))

    page = client.get(reverse("reports:report", args=[demo.slug]))

    html = one_line(page.content.decode())
    assert page.status_code == 200
    for fact in SEED_FACTS:
        assert fact in html, fact
    # The page shows the report as built (and kept): the same build, read for its numbers.
    report = build_report(demo, programme_period(demo))
    figures = report.figures.figures
    assert [figures[k].value for k in Figure.values[:3]] == [125, 4, 18]
    assert figures[Figure.PARTNERSHIPS_CONFIRMED].value == 100
    # The West Midlands pilot's coalition is named, member by member.
    projects = section(report, "projects")["projects"]
    pilot = next(row for row in projects if "West Midlands" in row["project"].name)
    assert len(pilot["coalition"]) >= 3
    for member in pilot["coalition"]:
        assert member.organisation.name.replace("'", "&#x27;") in html
    # Every headline number opens the records that make it, for this period.
    for key in Figure.values:
        assert reverse("reports:figure_detail", args=[demo.slug, key]) + "?start_0=" in html
    assert "Download PDF" in html and 'href="/programmes/iep/report.pdf?from=2017-09-01' in html


def test_the_report_tells_the_stories_and_draws_who_works_with_whom(demo):
    report = build_report(demo, programme_period(demo))

    stories = section(report, "stories")["stories"]
    assert [s.organisation.name for s in stories] == ["Toolshed", "Money A+E", "MyKindaFuture"]
    toolshed = one_line(stories[0].paragraph)
    assert "£80,500" in toolshed and "Barclays" in toolshed and "trebled" in toolshed
    drawn = section(report, "map")
    assert drawn["svg"].startswith("<svg") and drawn["nodes"] > 100 and drawn["edges"] > 200
    assert 0 < drawn["across_sectors"] <= drawn["pairs"]
    names = [node.label for node, _ in drawn["most_connected"]]
    assert len(names) == 5 and "Barclays" in names


def test_the_report_s_map_says_what_its_drawing_leaves_out(demo, monkeypatch):
    whole = section(build_report(demo, programme_period(demo)), "map")
    assert whole["left_out_words"] == ""  # the demo's map fits on a page
    assert whole["drawn"] == whole["nodes"]
    monkeypatch.setattr(programme_sections, "MAP_MOST", 40)  # as if it were national
    cut = section(build_report(demo, programme_period(demo)), "map")
    assert cut["drawn"] == 40 and cut["nodes"] == whole["nodes"]
    words = cut["left_out_words"]
    assert "draws only the 40 busiest organisations and projects" in words
    assert f"and the {cut['drawn_edges']} ties among them" in words
    assert f"{whole['nodes'] - 40} organisations and projects and " in words
    assert f"{whole['edges'] - cut['drawn_edges']} ties are left out of the drawing" in words
    # The measures still count the whole map.
    assert (cut["edges"], cut["pairs"], cut["across_sectors"]) == (
        whole["edges"],
        whole["pairs"],
        whole["across_sectors"],
    )
    assert cut["svg"].count("<circle") + cut["svg"].count("<rect x=") <= 40 + 10
    assert "Department for Digital, Culture, Media and Sport" not in {
        node.label for node, _ in cut["most_connected"]
    }


def test_each_chart_s_data_equals_the_figures(demo):
    report = build_report(demo, programme_period(demo))
    figures = report.figures.figures
    charts = {chart.key: chart for chart in report.charts}

    for key in Figure.values:
        chart = charts[f"figure-{key.replace('_', '-')}"]
        monthly = [row[1].value for row in chart.rows]
        cumulative = [row[-1].value for row in chart.rows]
        # The last month's running total is the whole period's figure.
        assert cumulative[-1] == figures[key].value, key
        if key in ADDITIVE_FIGURES:
            assert sum(monthly) == figures[key].value, key
        assert cumulative == sorted(cumulative), key  # cumulative never falls
        assert chart.svg.startswith("<svg") and 'role="img"' in chart.svg

    funding = figures[Figure.ADDITIONAL_FUNDING].value
    assert funding == Decimal("632913.00") or funding > 632_000
    for key in ("funding-by-funder", "funding-by-instrument"):
        assert sum(row[1].value for row in charts[key].rows) == funding, key

    stages = {row[0].text: row[1].value for row in charts["partnership-stages"].rows}
    confirmed = stages["Confirmed"] + stages["Active"] + stages["Completed"]
    assert confirmed == conversion(demo, programme_period(demo)).confirmed > 0

    outcomes = charts["outcomes-before-after"]
    assert outcomes.rows and all(row[3].value >= 0 for row in outcomes.rows)


def test_a_chart_s_csv_is_its_table(client, demo):
    client.force_login(demo_user(demo, Role.CHAMPION))

    response = client.get(
        reverse("reports:report_chart_csv", args=[demo.slug, "figure-partnerships-confirmed"])
    )

    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert response.status_code == 200
    assert rows[0] == ["Month", "In the month", "Since 1 September 2017"]
    assert sum(int(row[1]) for row in rows[1:]) == 100
    assert rows[-1][2] == "100"
    missing = client.get(reverse("reports:report_chart_csv", args=[demo.slug, "no-such-chart"]))
    assert missing.status_code == 404


def test_the_pdf_holds_the_facts_a_contents_page_and_page_numbers(client, demo):
    client.force_login(demo_user(demo, Role.TEAM))

    response = client.get(
        reverse("reports:report_pdf", args=[demo.slug]) + "?from=2017-09-01&to=2018-09-30"
    )

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    pages = [one_line(text) for text in text_of(response.content)]
    whole = " ".join(pages)
    for fact in SEED_FACTS:
        assert fact in whole, fact
    assert pages[1].startswith("Contents") or "Contents" in pages[1]
    assert "Methods" in pages[1] and "Headline figures" in pages[1]
    n = len(pages)
    assert n > 5
    # Page numbers and the running header (programme, period, owning department).
    assert f"Page 3 of {n}" in pages[2]
    assert "Inclusive Economy Partnership · 1 September 2017 to 30 September 2018" in pages[2]
    assert "Cabinet Office" in pages[2]


def test_the_pdf_refuses_a_date_that_is_not_one(client, demo):
    client.force_login(demo_user(demo, Role.TEAM))

    response = client.get(reverse("reports:report_pdf", args=[demo.slug]) + "?from=31/12/2017")

    assert response.status_code == 400
    assert "date like 2018-03-31" in response.content.decode()


def test_the_command_writes_both_formats(demo, tmp_path, capsys):
    pdf, html = tmp_path / "report.pdf", tmp_path / "report.html"

    call_command("report", "--from", "2017-09-01", "--to", "2018-09-30", "-o", str(pdf))
    call_command("report", "--programme", "iep", "-o", str(html))

    err = capsys.readouterr().err
    n = len(SECTIONS)
    assert f"[1/{n}] Headline figures" in err and f"[{n}/{n}] Methods" in err
    assert "Page 2 of" in " ".join(text_of(pdf.read_bytes()))
    text = one_line(html.read_text())
    for fact in SEED_FACTS:
        assert fact in text, fact
    assert "<svg" not in text or "role=" in text  # the charts are drawn in the file


@pytest.mark.parametrize(
    "args, message",
    [
        (["--programme", "nope"], "No programme with slug 'nope'"),
        (["--from", "2018-13-01"], "is not a date"),
        (["--from", "2018-09-01", "--to", "2018-01-01"], "must end on or after"),
    ],
)
def test_the_command_says_what_is_wrong_with_exit_code_2(demo, tmp_path, args, message):
    with pytest.raises(CommandError, match=message) as raised:
        call_command("report", *args, "-o", str(tmp_path / "r.pdf"))
    assert raised.value.returncode == 2


def test_the_command_wants_pdf_or_html(demo, tmp_path):
    with pytest.raises(CommandError, match="must end in .pdf or .html") as raised:
        call_command("report", "-o", str(tmp_path / "r.docx"))
    assert raised.value.returncode == 2
    assert not (tmp_path / "r.docx").exists()


def test_an_empty_programme_gets_a_report(client):
    actor = make_user()
    programme = make_programme(actor, name="Empty Programme", slug="empty")
    make = Make(actor, programme)
    client.force_login(make.user(Role.TEAM))

    page = client.get(reverse("reports:report", args=["empty"]))
    pdf = client.get(reverse("reports:report_pdf", args=["empty"]))

    assert page.status_code == 200
    html = one_line(page.content.decode())
    assert "No accelerator yet." in html and "No collaborative project yet." in html
    assert pdf.status_code == 200
    assert "Empty Programme" in " ".join(text_of(pdf.content))


@pytest.mark.parametrize(
    "who, status",
    [
        (Role.TEAM, 200),
        (Role.CHAMPION, 200),
        (Role.ACCELERATOR_MANAGER, 200),
        (Role.INNOVATOR, 403),
        (Role.PARTNER_CONTACT, 403),
        ("other programme", 404),
    ],
)
def test_who_may_download_the_pdf(client, who, status):
    actor = make_user()
    make = Make(actor, make_programme(actor, name="Alpha", slug="alpha"))
    if who == "other programme":
        other = Make(actor, make_programme(actor, name="Bravo", slug="bravo"))
        client.force_login(other.user(Role.TEAM))
    else:
        client.force_login(make.user(who))

    response = client.get(reverse("reports:report_pdf", args=["alpha"]))

    assert response.status_code == status


# --- helpers -----------------------------------------------------------------------------


def demo_user(programme, role):
    from partnerbase.accounts.models import Membership

    return Membership.objects.filter(programme=programme, role=role).first().user


def section(report, key):
    return next(s.context for s in report.sections if s.key == key)


def test_the_pdf_refuses_a_period_that_ends_before_it_starts(client):
    actor = make_user()
    make = Make(actor, make_programme(actor, name="Alpha", slug="alpha"))
    client.force_login(make.user(Role.TEAM))

    response = client.get(
        reverse("reports:report_pdf", args=["alpha"]) + "?from=2018-03-01&to=2018-01-01"
    )

    assert response.status_code == 400
    assert "same as or after the from date" in response.content.decode()
