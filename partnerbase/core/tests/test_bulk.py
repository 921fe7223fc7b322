"""Saves kept for batched INSERTs write the records and history rows record_save would."""

from datetime import date

import pytest

from partnerbase.brokering.models import Partnership
from partnerbase.brokering.services import partnership_create, partnership_move
from partnerbase.brokering.stages import Stage
from partnerbase.core.bulk import BulkSaves, bulk_saves
from partnerbase.core.history import history_entries
from partnerbase.directory.models import Organisation
from partnerbase.directory.services import organisation_create
from tests.factories import make_programme, make_user

pytestmark = pytest.mark.django_db


def _organisation(actor, programme, name: str, **extra) -> Organisation:
    return organisation_create(actor=actor, programme=programme, name=name, kind="charity", **extra)


def test_kept_records_are_written_at_the_flush_with_their_history():
    actor = make_user(full_name="Ivy Importer")
    programme = make_programme(actor)
    saves = BulkSaves()
    with bulk_saves(saves):
        charity = _organisation(actor, programme, "Toolshed", identifiers=["GB-CHC-1234567"])
        innovator = _organisation(actor, programme, "Fair Finance")
        partnership = partnership_create(
            actor=actor,
            programme=programme,
            name="Toolshed and Fair Finance",
            kind="mentoring",
            proposed_on=date(2017, 6, 1),
            partners=[charity],
            innovator=innovator,
        )
        partnership_move(
            actor=actor, partnership=partnership, stage=Stage.INTRODUCED, on=date(2017, 6, 9)
        )
        assert not Organisation.objects.filter(programme=programme).exists()  # not yet
    assert saves.written == 5  # two organisations, an identifier, a partnership, a partner

    stored = Partnership.objects.get(pk=partnership.pk)
    assert (stored.stage, stored.introduced_on) == (Stage.INTRODUCED, date(2017, 6, 9))
    assert [str(i) for i in Organisation.objects.get(pk=charity.pk).identifiers.all()] == [
        "GB-CHC-1234567"
    ]
    moved, created = history_entries(stored)
    assert (created["who"], created["action"], created["reason"]) == (
        actor,
        "created",
        "Partnership proposed",
    )
    assert (moved["action"], moved["reason"]) == ("changed", "Moved to introduced")
    assert {c["field"] for c in moved["changes"]} >= {"stage", "introduced_on"}
    assert [e["reason"] for e in history_entries(charity)] == ["Organisation added"]


def test_a_dropped_record_is_not_written():
    actor = make_user()
    programme = make_programme(actor)
    saves = BulkSaves()
    with bulk_saves(saves):
        _organisation(actor, programme, "Kept")
        mark = saves.mark()
        _organisation(actor, programme, "Dropped", identifiers=["GB-COH-01234567"])
        saves.drop_since(mark)
    names = set(Organisation.objects.filter(programme=programme).values_list("name", flat=True))
    assert names == {"Kept"}
    assert Organisation.history.filter(name="Dropped").count() == 0
