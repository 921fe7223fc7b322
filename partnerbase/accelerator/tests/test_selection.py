"""Selection: decisions and their changes, notification emails, and the cohort they make."""

from datetime import date

import pytest
from django.core import mail

from partnerbase.accelerator import services
from partnerbase.accelerator.models import CohortMembership, Decision, SelectionDecision
from partnerbase.accounts.models import Role
from partnerbase.calls.services import applicant_add
from partnerbase.core.errors import DomainError, PermissionDenied
from partnerbase.notifications.tests.helpers import committed
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def decide(world, key, decision=Decision.SELECTED, actor=None, **kw):
    return services.decision_record(
        actor=actor or world.users[Role.ACCELERATOR_MANAGER],
        application=world.applications[key],
        decision=decision,
        reason=kw.pop("reason", "Strong evidence of impact."),
        **kw,
    )


def test_a_decision_names_who_decided_and_when(world):
    s = decide(world, "alpha")
    assert s.decision == "selected" and s.decided_by == world.users[Role.ACCELERATOR_MANAGER]
    assert s.decided_at is not None and s.notified_at is None
    assert s.history.first().history_change_reason == "Decided"


def test_a_draft_cannot_be_decided_nor_a_decision_saved_without_reason(world):
    with pytest.raises(DomainError, match="submitted"):
        decide(world, "draft")
    with pytest.raises(DomainError) as exc:
        decide(world, "alpha", reason="  ")
    assert exc.value.field == "reason"
    assert not SelectionDecision.objects.exists()


def test_a_decision_changes_freely_until_notified_and_keeps_its_history(world):
    decide(world, "alpha", Decision.WAITLISTED)
    s = decide(world, "alpha", Decision.SELECTED, change_reason="A place came free")
    assert s.decision == "selected"
    assert [h.decision for h in s.history.order_by("history_id")] == ["waitlisted", "selected"]
    assert s.history.order_by("-history_id").first().history_change_reason == (
        "Changed: A place came free"
    )


def test_after_notification_only_the_team_changes_a_decision_with_a_reason(world):
    s = decide(world, "alpha", Decision.DECLINED)
    services.decision_notify(actor=world.actor, selections=[s])
    with pytest.raises(PermissionDenied):
        decide(world, "alpha", Decision.SELECTED, change_reason="Appeal upheld")
    with pytest.raises(DomainError) as exc:
        decide(world, "alpha", Decision.SELECTED, actor=world.users[Role.TEAM])
    assert exc.value.field == "change_reason"
    s.refresh_from_db()
    assert s.decision == "declined" and s.notified_at is not None
    s = decide(
        world, "alpha", Decision.SELECTED, actor=world.users[Role.TEAM], change_reason="Appeal"
    )
    # Changed after telling: the applicant is told again.
    assert s.decision == "selected" and s.notified_at is None
    assert "Appeal" in s.history.order_by("-history_id").first().history_change_reason


def test_notification_emails_the_applicants_innovators_once(world):
    a = decide(world, "alpha", Decision.SELECTED)
    b = decide(world, "bravo", Decision.DECLINED, reason="Not yet ready to scale.")
    c = decide(world, "charlie", Decision.WAITLISTED)  # nobody acts for charlie
    with committed():
        sent = services.decision_notify(actor=world.actor, selections=[a, b, c])
    assert sent == 2 and len(mail.outbox) == 2
    by_to = {m.to[0]: m for m in mail.outbox}
    alpha_mail = by_to[world.users[Role.INNOVATOR].email]
    assert alpha_mail.subject == "You have a place in Scale-up call"
    bravo_mail = by_to[world.users["other innovator"].email]
    assert "has not been selected" in bravo_mail.body
    assert "Not yet ready to scale." in bravo_mail.body
    for s in (a, b, c):
        s.refresh_from_db()
        assert s.notified_at is not None
    with committed():
        assert services.decision_notify(actor=world.actor, selections=[a, b, c]) == 0
    assert len(mail.outbox) == 2


def test_selected_applicants_become_innovators_with_join_date_and_challenge(world):
    chosen = services.cohort_select(
        actor=world.users[Role.ACCELERATOR_MANAGER],
        cohort=world.cohort,
        applications=[world.applications["alpha"], world.applications["bravo"]],
        joined_on=date(2018, 2, 1),
        reason="Top of the ranking.",
    )
    assert {s.decision for s in chosen} == {"selected"}
    places = CohortMembership.objects.filter(cohort=world.cohort).order_by("organisation__name")
    assert [p.organisation for p in places] == [world.orgs["alpha"], world.orgs["bravo"]]
    for place in places:
        assert place.joined_on == date(2018, 2, 1)
        assert place.status == "active"
        assert place.challenge_area == world.challenge
        assert place.selection.application.organisation == place.organisation


def test_cohort_select_is_all_or_nothing(world):
    decide(world, "bravo", Decision.DECLINED)
    services.decision_notify(actor=world.actor, selections=[SelectionDecision.objects.get()])
    with pytest.raises(PermissionDenied):
        # bravo was told it was declined; a manager may not overturn that
        services.cohort_select(
            actor=world.users[Role.ACCELERATOR_MANAGER],
            cohort=world.cohort,
            applications=[world.applications["alpha"], world.applications["bravo"]],
            joined_on=date(2018, 2, 1),
            reason="Top of the ranking.",
        )
    assert not CohortMembership.objects.exists()
    assert SelectionDecision.objects.get().decision == "declined"


def test_only_a_selected_applicant_without_a_place_gets_one(world):
    s = decide(world, "alpha", Decision.WAITLISTED)
    with pytest.raises(DomainError, match="not selected"):
        services.selection_place_add(
            actor=world.actor, selection=s, cohort=world.cohort, joined_on=date(2018, 2, 1)
        )
    s = decide(world, "alpha", Decision.SELECTED)
    services.selection_place_add(
        actor=world.actor, selection=s, cohort=world.cohort, joined_on=date(2018, 2, 1)
    )
    with pytest.raises(DomainError, match="already has a cohort place"):
        services.selection_place_add(
            actor=world.actor, selection=s, cohort=world.cohort, joined_on=date(2018, 2, 1)
        )
    with pytest.raises(DomainError, match="withdraw them"):
        decide(world, "alpha", Decision.DECLINED)


def test_graduate_and_withdraw(world):
    s = decide(world, "alpha")
    place = services.selection_place_add(
        actor=world.actor, selection=s, cohort=world.cohort, joined_on=date(2018, 2, 1)
    )
    with pytest.raises(DomainError, match="cannot graduate before joining"):
        services.cohort_member_graduate(actor=world.actor, membership=place, on=date(2018, 1, 31))
    services.cohort_member_graduate(actor=world.actor, membership=place, on=date(2018, 7, 31))
    place.refresh_from_db()
    assert place.status == "graduated" and place.withdrawn_on is None
    assert place.graduated_on == date(2018, 7, 31)
    assert place.history.first().history_change_reason == "Graduated from cohort"
    with pytest.raises(DomainError, match="Only an active"):
        services.cohort_member_graduate(actor=world.actor, membership=place, on=date(2018, 8, 1))
    s = decide(world, "bravo")
    place = services.selection_place_add(
        actor=world.actor, selection=s, cohort=world.cohort, joined_on=date(2018, 2, 1)
    )
    services.cohort_member_withdraw(actor=world.actor, membership=place, on=date(2018, 3, 1))
    place.refresh_from_db()
    assert place.status == "withdrawn" and place.withdrawn_on == date(2018, 3, 1)


def test_selection_makes_the_applicants_innovators_and_no_one_before(world):
    """An applicant holds no role until their organisation gets its cohort place."""
    applicant = make_user(email="applicant@acc.example.org")
    stranger = make_user()
    applicant_add(actor=applicant, user=applicant, organisation=world.orgs["charlie"])
    applicant_add(actor=stranger, user=stranger, organisation=world.orgs["delta"])
    decision = decide(world, "charlie", Decision.SELECTED)
    with committed():
        services.decision_notify(actor=world.actor, selections=[decision])
    assert not applicant.memberships.exists()  # selected, told, but no place yet
    assert [m.to for m in mail.outbox] == [[applicant.email]]  # the applicant hears
    services.cohort_select(
        actor=world.users[Role.ACCELERATOR_MANAGER],
        cohort=world.cohort,
        applications=[world.applications["charlie"]],
        joined_on=date(2018, 2, 1),
        reason="Top of the ranking.",
    )
    membership = applicant.memberships.get()
    assert (membership.programme, membership.role, membership.organisation) == (
        world.programme,
        Role.INNOVATOR,
        world.orgs["charlie"],
    )
    assert not stranger.memberships.exists()  # delta was not selected
