import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from jsonschema import Draft202012Validator, FormatChecker

from partnerbase.core.period import programme_period
from partnerbase.directory.models import Organisation
from partnerbase.funding.models import FundingAward
from partnerbase.impact.figures import headline_figures
from partnerbase.interchange.checks import schema
from partnerbase.interchange.export import programme_export, programme_export_text
from partnerbase.interchange.format import dumps
from partnerbase.programmes.deletion import programme_delete
from partnerbase.programmes.models import Programme

from .conftest import build_small, export_text, record_counts, write

pytestmark = pytest.mark.django_db

# The arrays format version 1.1 added.
NEW_ARRAYS = [
    "disbursements",
    "loan_repayments",
    "project_funding",
    "project_indicators",
    "needs",
    "offers",
    "brokering_rounds",
    "introductions",
    "competitions",
    "competition_entries",
    "competition_judges",
    "judge_assignments",
    "competition_awards",
]
# The array format version 1.2 added.
NEW_ARRAYS_1_2 = ["round_innovator_settings"]
# The arrays format version 1.3 added: governance (issue 3) and the accelerator (issue 4).
NEW_ARRAYS_1_3: list[str] = [
    "assessment_rubrics",
    "assessor_assignments",
    "moderation_notes",
    "challenge_proposals",
    "challenge_votes",
    "challenge_ballots",
    "outcome_indicators",
    "working_groups",
    "working_group_members",
    "working_group_meetings",
    "ideas",
    "champions",
    "board_meetings",
    "board_papers",
    "decisions",
    "actions",
    "calls",
    "applications",
    "champion_criteria",
    "champion_prospects",
    "pledges",
    "selection_decisions",
    "support_sessions",
    "milestones",
]


def _as(text: str, *, slug: str, programme_id: str) -> str:
    """The export of a copy, with the copy's slug and id put back to the original's."""
    data = json.loads(text)
    data["programme"].update(slug=slug, id=programme_id)
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def test_export_is_deterministic_and_formatted(small):
    text = export_text(small.slug)
    assert text == export_text(small.slug)
    assert text.endswith("}\n") and "Toolshed — Ltd" in text  # indent=2, ensure_ascii=False
    data = json.loads(text)
    assert list(data)[:3] == ["format", "format_version", "programme"]
    for name, records in data.items():
        if isinstance(records, list):
            assert [r["id"] for r in records] == sorted(r["id"] for r in records), name
            assert all(isinstance(r["illustrative"], bool) for r in records), name


def test_export_writes_money_dates_and_references(small_data):
    loan = next(a for a in small_data["funding_awards"] if a["title"] == "Loan")
    assert loan["amount"] == {"amount": "10000.25", "currency": "USD"}
    assert loan["interest_rate_percent"] == "3.5" and loan["award_date"] == "2018-05-01"
    org_ids = {o["name"]: o["id"] for o in small_data["organisations"]}
    assert loan["funder"] == org_ids["Barclays"]
    unltd = next(o for o in small_data["organisations"] if o["name"] == "UnLtd")
    assert unltd["identifiers"] == ["GB-CHC-1090393"] and unltd["regions"] == ["UK", "Wales"]
    partnership = next(p for p in small_data["partnerships"] if p["stage"] == "active")
    assert partnership["estimated_value"] == {"amount": "12500.50", "currency": "GBP"}
    assert partnership["partners"] == sorted([org_ids["Barclays"], org_ids["UnLtd"]])
    assert small_data["exchange_rates"][0]["rate"] == "1.3167"
    assert small_data["programme"]["display_currencies"] == ["USD", "EUR"]


def test_schema_validates_the_export(small_data):
    Draft202012Validator.check_schema(schema())
    Draft202012Validator(schema(), format_checker=FormatChecker()).validate(small_data)


def test_export_import_export_under_a_new_slug(small, tmp_path):
    first = export_text(small.slug)
    path = tmp_path / "small.json"
    path.write_text(first, encoding="utf-8")
    out = StringIO()
    call_command("import", str(path), slug="small-copy", stdout=out)
    assert "Imported Small programme as 'small-copy'" in out.getvalue()
    copy = Programme.objects.get(slug="small-copy")
    assert str(copy.uid) != str(small.uid)  # a second copy in one database gets its own id
    again = export_text("small-copy")
    assert _as(again, slug=small.slug, programme_id=str(small.uid)) == first


def test_import_into_an_empty_database_keeps_every_id(small, tmp_path):
    first = export_text(small.slug)
    path = tmp_path / "small.json"
    path.write_text(first, encoding="utf-8")
    programme_delete(actor=None, programme=small)
    assert record_counts()["Organisation"] == 0
    call_command("import", str(path), stdout=StringIO())
    assert export_text("small") == first


def test_same_file_imports_twice_under_different_slugs(small_data, tmp_path):
    path = write(tmp_path, small_data)
    call_command("import", str(path), slug="copy-1", stdout=StringIO())
    call_command("import", str(path), slug="copy-2", stdout=StringIO())
    assert Programme.objects.filter(slug__startswith="copy-").count() == 2


def test_export_needs_a_programme_when_there_are_several(actor, small, tmp_path):
    build_small(actor, slug="other")
    with pytest.raises(CommandError, match="--programme SLUG: other, small"):
        call_command("export", str(tmp_path / "x.json"))
    with pytest.raises(CommandError, match="No programme has the slug 'nope'"):
        call_command("export", str(tmp_path / "x.json"), programme="nope")
    call_command("export", str(tmp_path / "x.json"), programme="other", stderr=StringIO())
    assert json.loads((tmp_path / "x.json").read_text())["programme"]["slug"] == "other"


def test_demo_round_trip_keeps_file_and_figures(tmp_path, iep_restored):
    iep = iep_restored()
    first = export_text("iep")
    data = json.loads(first)
    assert [a for a in NEW_ARRAYS if not data[a]] == []
    loans = [a for a in data["funding_awards"] if a["repayment_method"]]
    assert loans and all(a["first_repayment_on"] for a in loans)
    assert any(p["origin"] for p in data["collaborative_projects"])
    assert all(i["observations"] for i in data["project_indicators"])
    assert all(c["stages"] and c["rubric_criteria"] for c in data["competitions"])
    assert all(a["scores"] for a in data["judge_assignments"])
    path = tmp_path / "iep.json"
    path.write_text(first, encoding="utf-8")
    before = record_counts()
    call_command("import", str(path), slug="iep-copy", stdout=StringIO())
    copy = Programme.objects.get(slug="iep-copy")
    assert _as(export_text("iep-copy"), slug="iep", programme_id=str(iep.uid)) == first
    assert record_counts()["Partnership"] == 2 * before["Partnership"]
    original = headline_figures(iep, programme_period(iep)).as_json()
    assert headline_figures(copy, programme_period(copy)).as_json() == original


def test_the_documented_example_imports_and_exports_unchanged(tmp_path):
    doc = (Path(__file__).resolve().parents[3] / "docs" / "interchange.md").read_text()
    example = doc.rsplit("```json\n", 1)[1].split("```", 1)[0]
    path = tmp_path / "example.json"
    path.write_text(example, encoding="utf-8")
    call_command("import", str(path), stdout=StringIO())
    assert export_text(json.loads(example)["programme"]["slug"]) == example


def test_streamed_export_is_the_documents_dumps(small):
    assert programme_export_text(programme=small) == dumps(programme_export(programme=small))


def test_an_import_leaves_one_history_row_per_record_with_its_services_reason(
    small, small_data, tmp_path
):
    call_command("import", str(write(tmp_path, small_data)), slug="copy", stdout=StringIO())
    copy = Programme.objects.get(slug="copy")
    organisations = Organisation.objects.filter(programme=copy)
    rows = Organisation.history.filter(programme=copy)
    assert rows.count() == organisations.count() == len(small_data["organisations"])
    assert set(rows.values_list("history_type", "history_change_reason")) == {
        ("+", "Organisation added")
    }
    # One creation row per award (a prize's award is then changed by its prize, as before).
    awards = FundingAward.history.filter(programme=copy, history_type="+")
    assert awards.count() == len(small_data["funding_awards"])
    assert awards.filter(history_change_reason="Funding award recorded").exists()
