"""Unsuccessful applicants' personal data goes the programme's set months after the
decision; the dry run lists them and changes nothing."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from partnerbase.accounts.models import Role, User
from partnerbase.accounts.services import membership_grant
from partnerbase.calls.models import Application
from partnerbase.privacy.models import ActionKind, PersonalDataAction
from partnerbase.privacy.retention import retention_due, retention_run
from partnerbase.programmes.services import programme_update

from .conftest import declined_applicant, months_ago
from .scan import row_counts, tables_holding

pytestmark = pytest.mark.django_db


@pytest.fixture
def applicants(world):
    old = declined_applicant(
        world, email="old@example.org", name="Olive Oldfield", decided_at=months_ago(13)
    )
    recent = declined_applicant(
        world,
        email="new@example.org",
        name="Nina Newcombe",
        decided_at=months_ago(6),
        org_name="Recent Ltd",
    )
    # Declined long ago, but she now holds a role: her data is needed.
    kept = declined_applicant(
        world,
        email="kept@example.org",
        name="Kit Keeper",
        decided_at=months_ago(20),
        org_name="Kept Ltd",
    )
    membership_grant(actor=world.team, user=kept, programme=world.alpha, role=Role.ASSESSOR)
    return old, recent, kept


def test_only_applicants_past_the_time_and_holding_nothing_else_are_due(world, applicants):
    old, recent, kept = applicants
    due = retention_due(programmes=[world.alpha])
    assert [d.user for d in due] == [old]
    # A shorter time brings the recent one in.
    programme_update(actor=world.team, programme=world.alpha, applicant_retention_months=3)
    world.alpha.refresh_from_db()
    assert {d.user for d in retention_due(programmes=[world.alpha])} == {old, recent}


def test_the_dry_run_lists_them_and_changes_nothing(world, applicants):
    before = row_counts()
    out, err = io.StringIO(), io.StringIO()
    call_command("personal-data", "retention", "--dry-run", stdout=out, stderr=err)
    assert "old@example.org" in out.getvalue() and "new@example.org" not in out.getvalue()
    assert "1 applicant(s) due" in err.getvalue()
    assert row_counts() == before


def test_retention_erases_them_and_records_each(world, applicants):
    old = applicants[0]
    applications = Application.objects.count()
    outcomes = retention_run(
        programmes=[world.alpha], actor=world.team, scope={world.alpha.pk}, programme=world.alpha
    )
    assert [o.due.user for o in outcomes if o.action] == [old]
    assert tables_holding("Olive Oldfield", "old@example.org") == {}
    assert tables_holding("Nina Newcombe")
    assert Application.objects.count() == applications
    action = PersonalDataAction.objects.get(kind=ActionKind.RETENTION)
    assert action.subject_user_id == old.pk and "kept 12 months" in action.reason
    assert not User.objects.get(pk=old.pk).is_active
    assert retention_due(programmes=[world.alpha]) == []  # done once


def test_the_command_erases_and_names_an_unknown_programme(world, applicants):
    out, err = io.StringIO(), io.StringIO()
    call_command("personal-data", "retention", "--programme", "alpha", stdout=out, stderr=err)
    assert "erased as Erased person" in out.getvalue()
    with pytest.raises(CommandError) as bad:
        call_command("personal-data", "retention", "--programme", "nope", stdout=out, stderr=err)
    assert bad.value.returncode == 2
