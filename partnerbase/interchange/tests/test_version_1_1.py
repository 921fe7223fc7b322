"""What format version 1.1 added: the funding ledger, 360Giving details, brokering, project
money and indicators, and competitions; and 1.0 files still import."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from partnerbase.accounts.models import Membership, Role, User
from partnerbase.brokering.models import BrokeringRound, Introduction, Partnership
from partnerbase.funding.models import FundingAward
from partnerbase.interchange.format import FORMAT_VERSION, NESTED
from partnerbase.programmes.deletion import programme_delete
from partnerbase.programmes.models import Programme
from partnerbase.projects.models import CompetitionAward
from partnerbase.rubrics.models import Criterion

from .conftest import export_text, record_counts, write
from .test_roundtrip import NEW_ARRAYS, NEW_ARRAYS_1_2

pytestmark = pytest.mark.django_db


def test_the_small_programme_has_every_new_record(small_data):
    assert [a for a in NEW_ARRAYS if not small_data[a]] == []
    for array, fields in NESTED.items():
        for field in fields:
            assert any(r[field] for r in small_data[array]), (array, field)
    judge = small_data["competition_judges"][0]
    assert (judge["email"], judge["name"]) == ("judge@example.org", "Jo Judge")
    details = next(
        a["grant_details"] for a in small_data["funding_awards"] if a["title"] == "Grant"
    )
    assert list(details["recipient_fields"]) == ["charityNumber", "name", "postalCode"]
    assert details["beneficiary_locations"] == [
        {"geoCode": "E08", "geoCodeType": "MD", "name": "Birmingham"}
    ]
    run = next(r for r in small_data["brokering_rounds"] if r["name"] == "Spring round")
    assert run["status"] == "sent" and run["run_at"].endswith("Z") and run["objective"]
    introduction = small_data["introductions"][0]
    assert introduction["score"] and introduction["parts"]["type_fit"] > 0
    assert introduction["innovator_response"] == "accepted"


def test_copy_restores_state_without_second_partnerships_or_awards(small, small_data, tmp_path):
    call_command("import", str(write(tmp_path, small_data)), slug="copy", stdout=StringIO())
    copy = Programme.objects.get(slug="copy")
    for model in (Partnership, FundingAward, Introduction, BrokeringRound, CompetitionAward):
        field = "programme" if hasattr(model, "programme") else "entry__competition__programme"
        assert (
            model.objects.filter(**{field: copy}).count()
            == model.objects.filter(**{field: small}).count()
        ), model.__name__
    introduction = Introduction.objects.get(programme=copy)
    assert introduction.partnership.programme == copy
    assert str(introduction.partnership.uid) == small_data["introductions"][0]["partnership"]
    prize = CompetitionAward.objects.get(entry__competition__programme=copy).funding_award
    assert (prize.description, prize.confirmed, prize.grant_details.original_id) == (
        "Paid in two parts",
        False,
        "360G-bank-prize-1",
    )
    names = Criterion.objects.filter(competition__programme=copy).values_list("name")
    assert [n for (n,) in names.order_by("pk")] == ["Impact", "Feasibility"]  # rubric order


def test_an_empty_database_gets_the_judges_accounts(small, tmp_path):
    first = export_text(small.slug)
    path = tmp_path / "small.json"
    path.write_text(first, encoding="utf-8")
    programme_delete(actor=None, programme=small)
    User.objects.filter(email="judge@example.org").delete()
    call_command("import", str(path), stdout=StringIO())
    assert export_text("small") == first
    judge = User.objects.get(email="judge@example.org")
    assert judge.full_name == "Jo Judge" and not judge.has_usable_password()
    assert Membership.objects.filter(
        user=judge, programme__slug="small", role=Role.ASSESSOR
    ).exists()


def _as_version_1_0(data: dict) -> dict:
    """What the same programme's file looked like in format version 1.0."""
    data = {k: v for k, v in data.items() if k not in NEW_ARRAYS + NEW_ARRAYS_1_2}
    data["format_version"] = "1.0"
    for award in data["funding_awards"]:
        for field in ("repayment_method", "first_repayment_on", "grant_details"):
            del award[field]
    for project in data["collaborative_projects"]:
        del project["origin"]
    # A 1.0 file has no competition, so its prize is an ordinary award.
    return data


def test_a_version_1_0_file_still_imports(small_data, tmp_path):
    old = _as_version_1_0(small_data)
    call_command("import", str(write(tmp_path, old)), slug="old", stdout=StringIO())
    again = json.loads(export_text("old"))
    assert again["format_version"] == FORMAT_VERSION
    assert [a for a in NEW_ARRAYS + NEW_ARRAYS_1_2 if again[a]] == []
    loan = next(a for a in again["funding_awards"] if a["title"] == "Loan")
    # Without a method, a loan with terms is repaid in equal instalments (the service's default).
    assert (loan["repayment_method"], loan["first_repayment_on"]) == ("annuity", None)
    assert len(again["funding_awards"]) == len(small_data["funding_awards"])


def test_nothing_is_left_when_a_judge_would_be_created(small_data, tmp_path):
    """A judge's new account is part of the import: refused files do not leave it."""
    small_data["competition_judges"][0]["email"] = "new.judge@example.org"
    small_data["loan_repayments"][0]["amount"]["amount"] = "99999.00"
    before = record_counts()
    with pytest.raises(Exception, match="balance outstanding"):
        call_command("import", str(write(tmp_path, small_data)), slug="x", stdout=StringIO())
    assert record_counts() == before
    assert not User.objects.filter(email="new.judge@example.org").exists()
