"""Subject access and erasure on a small world (conftest.py): everything about the person
comes out, nothing of anyone else's, and erasure leaves no trace of their name or address in
any table, history included, while every record stays."""

import json

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import authenticate

from partnerbase.accounts.api_tokens import api_token_authenticate, api_token_create
from partnerbase.accounts.models import Membership, Role, User
from partnerbase.core.errors import DomainError
from partnerbase.directory.models import Engagement, Person
from partnerbase.jobs.kept import kept_store
from partnerbase.jobs.models import KeptOutput
from partnerbase.notifications.models import Notification
from partnerbase.privacy.models import ActionKind, PersonalDataAction
from partnerbase.privacy.services import erasure_refusals, person_erase
from partnerbase.privacy.subject import personal_data, subject_find

from .conftest import EMAIL, NAME, OTHER_EMAIL, OTHER_NAME
from .scan import row_counts, tables_holding

pytestmark = pytest.mark.django_db


def test_the_export_holds_everything_about_the_person(world):
    subject = subject_find(email=EMAIL.upper())  # the address as the person typed it
    data = personal_data(subject=subject, scope={world.alpha.pk})
    kinds = {r["model"] for r in data["records"]}
    assert kinds >= {
        "directory.Person",
        "accounts.Membership",
        "accounts.Invitation",
        "directory.EngagementParticipant",
        "notifications.Notification",
    }
    assert data["account"]["email"] == EMAIL and data["account"]["full_name"] == NAME
    person = next(r for r in data["records"] if r["model"] == "directory.Person")
    assert person["fields"]["phone"] == "07700 900123"
    # The history of the records about them, and who changed what.
    assert any(
        h["model"] == "directory.Person" and h["action"] == "created" for h in data["history"]
    )
    assert any(h["model"] == "accounts.User" for h in data["history"])
    assert {"model": "directory.Organisation", "reason": "Description updated"}.items() <= next(
        c for c in data["changes_made"] if c["model"] == "directory.Organisation"
    ).items()
    assert [a["ip_address"] for a in data["sign_in_attempts"]] == ["192.0.2.7"]
    text = json.dumps(data)
    assert "password" not in data["account"] and "token_hash" not in text


def test_the_export_holds_nothing_of_another_person(world):
    data = personal_data(subject=subject_find(email=EMAIL), scope={world.alpha.pk})
    records = json.dumps(data["records"])
    assert OTHER_EMAIL not in records
    # The engagement both attended is named, but only her participation row comes.
    participants = [r for r in data["records"] if r["model"] == "directory.EngagementParticipant"]
    assert [p["fields"]["person"] for p in participants] == [NAME]
    notifications = [r for r in data["records"] if r["model"] == "notifications.Notification"]
    assert {n["fields"]["email"] for n in notifications} == {EMAIL}


def test_another_programmes_team_sees_none_of_it(world):
    subject = subject_find(email=EMAIL)
    assert world.alpha.pk in subject.programme_ids and world.bravo.pk not in subject.programme_ids
    data = personal_data(subject=subject, scope={world.bravo.pk})
    assert data["records"] == [] and data["changes_made"] == []


def test_erasure_leaves_no_trace_of_the_name_or_address_anywhere(world):
    assert tables_holding(NAME, EMAIL)  # the scan finds them before
    before = row_counts()
    action = person_erase(
        subject=subject_find(email=EMAIL),
        actor=world.team,
        scope={world.alpha.pk},
        reason=f"Erasure request from {NAME} of 3 May",
        programme=world.alpha,
    )
    assert tables_holding(NAME, EMAIL) == {}
    # Another person's details stay where they were.
    assert tables_holding(OTHER_NAME, OTHER_EMAIL)
    # Every record stays; only history rows and the log are added, no row goes but the
    # sign-in attempt and the session.
    after = row_counts()
    gone = {t: before[t] - after[t] for t in before if after.get(t, 0) < before[t]}
    assert gone == {"axes_accessattempt": 1}
    person = Person.objects.get(pk=world.person.pk)
    assert (person.name, person.phone, person.job_title) == (action.erased_label, "", "")
    assert person.email == f"erased-{action.pk}@erased.invalid"
    user = User.objects.get(pk=world.user.pk)
    assert user.full_name == action.erased_label and not user.is_active
    assert not user.has_usable_password()
    assert Membership.objects.filter(user=user, role=Role.INNOVATOR).exists()
    # Her history rows keep their number and order, with the new values.
    assert set(person.history.values_list("name", flat=True)) == {action.erased_label}
    assert "Erased person" in Engagement.objects.get().notes
    assert OTHER_NAME in Engagement.objects.get().notes
    assert Notification.objects.filter(user=world.other).get().body.startswith("Dear Erased")
    # The log says who, when and why, without the old details.
    logged = PersonalDataAction.objects.get(pk=action.pk)
    assert (logged.kind, logged.actor, logged.subject_user_id) == (
        ActionKind.ERASURE,
        world.team,
        world.user.pk,
    )
    assert logged.reason == "Erasure request from (erased) of 3 May"
    assert (
        logged.counts["directory.Person"] == 1 and logged.counts["axes.AccessAttempt deleted"] == 1
    )


def test_an_erased_person_cannot_sign_in(world, rf):
    world.user.set_password("correct horse")
    world.user.save()
    assert authenticate(rf.post("/"), email=EMAIL, password="correct horse")
    person_erase(subject=subject_find(email=EMAIL), actor=world.team, scope=None, reason="Asked")
    assert not AccessAttempt.objects.exists()  # her earlier failed attempts went
    assert authenticate(rf.post("/"), email=EMAIL, password="correct horse") is None


def test_an_erased_persons_api_tokens_are_revoked(world):
    token, raw = api_token_create(actor=world.user, user=world.user, name="Spreadsheet")
    assert api_token_authenticate(raw) == token
    person_erase(subject=subject_find(email=EMAIL), actor=world.team, scope=None, reason="Asked")
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert api_token_authenticate(raw) is None


def test_erasure_refuses_what_it_would_break(world):
    subject = subject_find(email=EMAIL)
    # In a programme the team does not run.
    person_create_in_bravo(world)
    refusals = erasure_refusals(
        subject=subject_find(email=EMAIL), actor=world.team, scope={world.alpha.pk}
    )
    assert any("programme you do not run" in r for r in refusals)
    with pytest.raises(DomainError):
        person_erase(
            subject=subject_find(email=EMAIL), actor=world.team, scope={world.alpha.pk}, reason="x"
        )
    assert Person.objects.filter(name=NAME).count() == 2  # nothing changed
    # The administrator's scope is every programme.
    assert erasure_refusals(subject=subject_find(email=EMAIL), actor=None, scope=None) == []
    # Bravo's only convening-team member; oneself.
    Membership.objects.filter(user=world.team, programme=world.bravo).delete()
    only = subject_find(email="bravo-team@example.org")
    assert any(
        "only convening-team member of Bravo" in r
        for r in erasure_refusals(subject=only, actor=world.team, scope=None)
    )
    assert any(
        "your own account" in r
        for r in erasure_refusals(
            subject=subject_find(email=world.second.email), actor=world.second, scope=None
        )
    )
    assert subject.found and not subject_find(email="nobody@example.org").found


def test_an_erasure_without_a_reason_is_refused(world):
    with pytest.raises(DomainError) as refused:
        person_erase(subject=subject_find(email=EMAIL), actor=world.team, scope=None, reason=" ")
    assert refused.value.field == "reason"
    assert User.objects.get(pk=world.user.pk).full_name == NAME


def person_create_in_bravo(world):
    from partnerbase.directory.services import person_create

    return person_create(actor=world.team, programme=world.bravo, name=NAME, email=EMAIL)


def test_erasure_drops_what_pages_keep_built_which_may_quote_the_person(world):
    kept_store(world.alpha, "report test", stamp="1", data={"html": f"<p>{NAME} spoke</p>"})
    assert tables_holding(NAME, EMAIL).get("jobs_keptoutput.data")

    action = person_erase(
        subject=subject_find(email=EMAIL),
        actor=world.team,
        scope={world.alpha.pk},
        reason="Erasure request of 3 May",
        programme=world.alpha,
    )

    assert not KeptOutput.objects.exists()  # built again, from the erased records, when asked
    assert action.counts["kept outputs dropped"] == 1
    assert tables_holding(NAME, EMAIL) == {}
