"""An award's whole history: its own changes and its disbursements' and repayments', the
deleted ones' too, filtered by kind, change and dates, in pages and as a CSV."""

from datetime import date
from decimal import Decimal

import pytest

from partnerbase.accounts.models import Role
from partnerbase.core.history import record_delete
from partnerbase.funding import services
from tests.factories.lists import csv_download, listed_count

from .test_views import build_world, sign_in, url

pytestmark = pytest.mark.django_db


def test_an_awards_history_lists_it_and_its_parts(client):
    world = build_world()
    loan = world.loan
    for n in range(3):
        services.disbursement_record(
            actor=world.actor,
            award=loan,
            kind="planned",
            on=date(2018, 6, n + 1),
            amount=Decimal(10),
        )
    wrong = services.disbursement_record(
        actor=world.actor, award=loan, kind="actual", on=date(2018, 7, 1), amount=Decimal(99)
    )
    record_delete(wrong, actor=world.actor, reason="Paid from another award")
    services.funding_award_change(actor=world.actor, award=loan, title="Toolshed social loan")
    # The grant's own changes are not the loan's.
    services.disbursement_record(
        actor=world.actor, award=world.grant, kind="actual", on=date(2018, 5, 1), amount=Decimal(1)
    )
    sign_in(client, world, Role.TEAM)
    detail = client.get(url("award_detail", world, loan)).content.decode()
    address = url("award_history", world, loan)
    assert f'href="{address}" data-history-link' in detail
    page = client.get(address).content.decode()
    # The award: added, retitled; four disbursements added, one deleted.
    assert listed_count(page) == 7
    assert "title: “Toolshed loan” → “Toolshed social loan”" in page
    assert "Deleted: Paid from another award" in page
    rows = csv_download(client.get(address, {"format": "csv"}))
    kinds = sorted(r["Kind of record"] for r in rows)
    assert kinds == ["Disbursement"] * 5 + ["Funding award"] * 2
    # Filtered by kind and by change.
    only_award = client.get(address, {"kind": "funding.fundingaward"}).content.decode()
    assert listed_count(only_award) == 2
    assert listed_count(client.get(address, {"action": "-"}).content.decode()) == 1
    # Not a programme-wide filter: who changed it is searched, not chosen.
    assert 'name="who"' not in page and 'name="kind"' in page


def test_an_award_without_disbursements_lists_its_own_changes(client):
    world = build_world()
    sign_in(client, world, Role.TEAM)
    page = client.get(url("award_history", world, world.grant)).content.decode()
    # The grant has no disbursements yet, but they would be listed: the filter stays.
    assert 'name="kind"' in page and listed_count(page) == 2
