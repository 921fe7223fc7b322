"""Every service write is kept in history: who, when, and what changed."""

from datetime import date

import pytest
from django.utils import timezone

from partnerbase.brokering.services import partnership_move
from partnerbase.brokering.stages import Stage
from partnerbase.core.history import history_entries, record_save
from tests.factories import Make, make_programme, make_user

pytestmark = pytest.mark.django_db


def test_a_service_write_records_who_when_and_what_changed():
    creator, mover = make_user(full_name="Cara Creator"), make_user(full_name="Mo Mover")
    make = Make(creator, make_programme(creator))
    before = timezone.now()
    partnership = make.partnership(stage=Stage.PROPOSED, on=date(2017, 6, 1))

    partnership_move(
        actor=mover, partnership=partnership, stage=Stage.INTRODUCED, on=date(2017, 6, 10)
    )
    after = timezone.now()

    latest = partnership.history.latest()
    assert latest.history_user == mover
    assert before <= latest.history_date <= after

    moved, created = history_entries(partnership)
    assert (created["who"], created["action"], created["changes"]) == (creator, "created", [])
    assert created["reason"] == "Partnership proposed"
    assert (moved["who"], moved["action"], moved["reason"]) == (
        mover,
        "changed",
        "Moved to introduced",
    )
    assert created["when"] <= moved["when"]
    changed = {c["field"]: (c["old"], c["new"]) for c in moved["changes"]}
    assert changed["stage"] == (Stage.PROPOSED, Stage.INTRODUCED)
    assert changed["introduced_on"] == (None, date(2017, 6, 10))
    assert "name" not in changed and "proposed_on" not in changed


def test_history_lists_newest_first_and_a_write_with_no_signed_in_actor_names_nobody():
    actor = make_user()
    organisation = Make(actor, make_programme(actor)).org("Toolshed")
    organisation.name = "Toolshed CIC"

    record_save(organisation, actor=None, reason="Renamed")

    entries = history_entries(organisation)
    assert [(e["action"], e["who"], e["reason"]) for e in entries] == [
        ("changed", None, "Renamed"),
        ("created", actor, "Organisation added"),
    ]
    assert entries[0]["changes"] == [{"field": "name", "old": "Toolshed", "new": "Toolshed CIC"}]


def test_a_record_without_history_rows_has_no_entries():
    # Loaded in bulk (the benchmarks' national programme): its organisation page must open.
    actor = make_user()
    make = Make(actor, make_programme(actor))
    organisation = make.org("Bulk loaded")
    organisation.history.all().delete()
    assert history_entries(organisation) == []
    organisation.name = "Renamed"
    record_save(organisation, actor=actor)
    assert [entry["action"] for entry in history_entries(organisation)] == ["changed"]
