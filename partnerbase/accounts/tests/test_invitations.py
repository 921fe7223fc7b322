"""Invitations from the team's form to the invited person signed in with their roles; links
that are expired, used, withdrawn or replaced; and what is stored."""

import hashlib
import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from partnerbase.accounts import invitations
from partnerbase.accounts.models import Invitation, InvitationStatus, Membership, Role, User
from partnerbase.accounts.services import user_create
from partnerbase.core.errors import DomainError
from partnerbase.notifications.models import EmailState, Notification
from partnerbase.notifications.tests.helpers import committed
from tests.factories import Make, make_programme

from .conftest import link_in

PASSWORD = "a long enough passphrase"


def invite(make, team, **extra):
    """Send an invitation as the team would; returns it and its link's path."""
    fields = {"email": "ivy@example.org", "roles": [Role.INNOVATOR], "full_name": "Ivy Ng"}
    fields.update(extra)
    if "organisation" not in fields and Role.INNOVATOR in fields["roles"]:
        fields["organisation"] = make.org("Toolshed")
    with committed():  # the email goes after the commit
        invitation = invitations.invitation_send(
            actor=team, programme=make.programme, site_url="http://testserver/", **fields
        )
    return invitation, link_in(mail.outbox[-1])


def signed_in_user(client) -> User | None:
    user_id = client.session.get("_auth_user_id")
    return User.objects.get(pk=user_id) if user_id else None


def test_invite_by_email_then_set_password_and_be_signed_in_with_the_roles(client, make, team):
    toolshed = make.org("Toolshed")
    client.force_login(team)
    with committed():
        response = client.post(
            reverse("people:invite", args=["iep"]),
            {
                "email": "Ivy@Example.org",
                "full_name": "Ivy Ng",
                "roles": [Role.INNOVATOR, Role.WORKING_GROUP_MEMBER],
                "organisation": toolshed.pk,
            },
        )
    assert response.status_code == 302
    [email] = mail.outbox
    assert email.to == ["ivy@example.org"]
    assert "Inclusive Economy" in email.subject
    assert "Innovator for Toolshed" in email.body and "Tess Team" in email.body
    link = link_in(email)
    assert link.startswith("/accounts/invitations/")

    client.logout()
    page = client.get(link)
    assert page.status_code == 200
    assert "Set up your account" in page.content.decode()
    assert 'value="Ivy Ng"' in page.content.decode()  # the name the team gave
    response = client.post(
        link, {"full_name": "Ivy Ng", "password": PASSWORD, "password_again": PASSWORD}
    )

    assert response.status_code == 302 and response.url == reverse("home")
    ivy = User.objects.get(email="ivy@example.org")
    assert ivy.check_password(PASSWORD) and ivy.full_name == "Ivy Ng"
    assert signed_in_user(client) == ivy
    assert set(
        Membership.objects.filter(user=ivy, programme=make.programme).values_list(
            "role", "organisation"
        )
    ) == {(Role.INNOVATOR, toolshed.pk), (Role.WORKING_GROUP_MEMBER, toolshed.pk)}
    home = client.get(reverse("home")).content.decode()
    assert "You have joined Inclusive Economy" in home
    invitation = Invitation.objects.get()
    assert invitation.status == InvitationStatus.ACCEPTED and invitation.accepted_by == ivy


def test_the_link_works_once(client, make, team):
    _, link = invite(make, team)
    client.post(link, {"full_name": "Ivy", "password": PASSWORD, "password_again": PASSWORD})
    client.logout()

    again = client.get(link)

    assert again.status_code == 410
    assert "This invitation has already been used" in again.content.decode()


def test_only_a_hash_of_the_token_is_stored(make, team):
    invitation, link = invite(make, team)
    token = link.rstrip("/").rsplit("/", 1)[1]
    stored = Invitation.objects.filter(pk=invitation.pk).values().get()

    assert token not in str(stored)
    assert stored["token_hash"] == hashlib.sha256(token.encode()).hexdigest()


def test_the_link_expires_after_the_set_number_of_days(client, make, team, settings):
    settings.INVITATION_EXPIRY_DAYS = 7
    invitation, link = invite(make, team)
    assert invitation.expires_at - invitation.sent_at == timedelta(days=7)
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - timedelta(seconds=1)
    )

    page = client.get(link)
    posted = client.post(
        link, {"full_name": "Ivy", "password": PASSWORD, "password_again": PASSWORD}
    )

    assert page.status_code == posted.status_code == 410
    assert "This invitation has expired" in page.content.decode()
    assert "Ask Tess Team" in page.content.decode()
    assert not User.objects.filter(email="ivy@example.org").exists()


def test_a_withdrawn_link_shows_that_it_was_withdrawn(client, make, team):
    invitation, link = invite(make, team)
    invitations.invitation_revoke(actor=team, invitation=invitation)

    page = client.get(link)

    assert page.status_code == 410
    assert "This invitation has been withdrawn" in page.content.decode()


def test_sending_again_makes_the_old_link_invalid_and_the_new_one_work(client, make, team):
    invitation, old_link = invite(make, team)
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - timedelta(days=1)
    )
    invitation.refresh_from_db()

    with committed():
        invitations.invitation_resend(
            actor=team, invitation=invitation, site_url="http://testserver"
        )
    new_link = link_in(mail.outbox[-1])

    assert len(mail.outbox) == 2 and new_link != old_link
    old = client.get(old_link)
    assert old.status_code == 410
    assert "A newer email replaced this invitation link" in old.content.decode()
    assert client.get(new_link).status_code == 200
    invitation.refresh_from_db()
    assert invitation.expires_at > timezone.now() + timedelta(days=6)


def test_a_made_up_link_is_not_found(client, db):
    page = client.get(reverse("accounts:invitation", args=["not-a-real-token"]))
    assert page.status_code == 404
    assert "This link is not a valid invitation" in page.content.decode()


def test_someone_with_an_account_signs_in_then_accepts(client, make, team):
    ivy = user_create(email="ivy@example.org", password=PASSWORD, full_name="Ivy Ng")
    _, link = invite(make, team)
    assert "You already have an account" in mail.outbox[-1].body

    page = client.get(link)
    assert "Sign in to accept your invitation" in page.content.decode()
    sign_in = f"/accounts/login/?next={link}"
    assert sign_in in page.content.decode()
    assert not Membership.objects.filter(user=ivy).exists()

    signed_in = client.post(sign_in, {"username": "ivy@example.org", "password": PASSWORD})
    assert signed_in.status_code == 302 and signed_in.url == link
    assert "Accept the invitation" in client.get(link).content.decode()
    response = client.post(link)

    assert response.status_code == 302
    assert Membership.objects.filter(user=ivy, role=Role.INNOVATOR).count() == 1
    assert Invitation.objects.get().status == InvitationStatus.ACCEPTED


def test_signed_in_as_someone_else_changes_nothing(client, make, team):
    _, link = invite(make, team)
    client.force_login(team)

    page = client.get(link)
    posted = client.post(link, {"full_name": "X", "password": PASSWORD, "password_again": PASSWORD})

    assert "This invitation is for another account" in page.content.decode()
    assert "This invitation is for another account" in posted.content.decode()
    assert not User.objects.filter(email="ivy@example.org").exists()
    assert Invitation.objects.get().status == InvitationStatus.PENDING


@pytest.mark.parametrize(
    ("password", "again", "error"),
    [
        ("short", "short", "too short"),
        ("12345678901234", "12345678901234", "entirely numeric"),
        (PASSWORD, PASSWORD + "x", "The passwords do not match"),
        ("", "", "Enter a password"),
    ],
)
def test_a_bad_password_is_refused_next_to_the_field(client, make, team, password, again, error):
    _, link = invite(make, team)
    page = client.post(link, {"full_name": "Ivy", "password": password, "password_again": again})

    assert page.status_code == 200
    assert error in page.content.decode()
    assert "govuk-error-summary" in page.content.decode()
    assert not User.objects.filter(email="ivy@example.org").exists()
    assert Invitation.objects.get().status == InvitationStatus.PENDING


def test_a_role_acting_for_an_organisation_needs_it(make, team):
    with pytest.raises(DomainError) as refused:
        invitations.invitation_send(
            actor=team,
            programme=make.programme,
            email="c@example.org",
            roles=[Role.CHAMPION],
            site_url="http://testserver",
        )
    assert refused.value.field == "organisation"
    assert not Invitation.objects.exists() and not mail.outbox


def test_the_organisation_must_be_the_programmes(make, team):
    elsewhere = Make(team, make_programme(team)).org("Elsewhere")
    with pytest.raises(DomainError, match="another programme"):
        invite(make, team, organisation=elsewhere)


def test_one_waiting_invitation_per_address(make, team):
    invite(make, team)
    with pytest.raises(DomainError, match="already been invited"):
        invite(make, team, email="IVY@example.org")


def test_no_invitation_for_roles_already_held(make, team):
    with pytest.raises(DomainError, match="already has these roles"):
        invitations.invitation_send(
            actor=team,
            programme=make.programme,
            email=team.email,
            roles=[Role.TEAM],
            site_url="http://testserver",
        )


def test_a_mail_server_failure_keeps_the_invitation_and_a_retry_sends_a_new_link(
    client, make, team, settings
):
    settings.EMAIL_BACKEND = "partnerbase.notifications.tests.helpers.RefusingBackend"
    invitation = invite_unsent(make, team)
    failed = Notification.objects.get(invitation=invitation)
    assert failed.email_state == EmailState.FAILED and "refused" in failed.last_error
    # The stored notification never holds the link: only the token's hash is stored.
    assert "/accounts/invitations/" not in failed.body

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("notifications", "send", stdout=io.StringIO())
    [email] = mail.outbox
    assert email.to == ["ivy@example.org"]
    assert client.get(link_in(email)).status_code == 200
    failed.refresh_from_db()
    assert failed.email_state == EmailState.SENT and failed.attempts == 2


def invite_unsent(make, team):
    with committed():
        return invitations.invitation_send(
            actor=team,
            programme=make.programme,
            site_url="http://testserver/",
            email="ivy@example.org",
            roles=[Role.ASSESSOR],
        )


def test_the_team_role_acts_for_no_organisation(client, make, team):
    _, link = invite(make, team, roles=[Role.TEAM, Role.ASSESSOR], organisation=make.org("Nesta"))
    client.post(link, {"full_name": "Ivy", "password": PASSWORD, "password_again": PASSWORD})

    held = dict(
        Membership.objects.filter(user__email="ivy@example.org").values_list(
            "role", "organisation__name"
        )
    )
    assert held == {Role.TEAM: None, Role.ASSESSOR: "Nesta"}


def test_the_history_says_who_invited_resent_and_accepted(client, make, team):
    invitation, _ = invite(make, team)
    with committed():
        invitations.invitation_resend(
            actor=team, invitation=invitation, site_url="http://testserver"
        )
    client.post(
        link_in(mail.outbox[-1]),
        {"full_name": "Ivy", "password": PASSWORD, "password_again": PASSWORD},
    )
    ivy = User.objects.get(email="ivy@example.org")

    rows = list(invitation.history.order_by("history_date", "history_id"))
    assert [(r.history_user, r.history_change_reason) for r in rows] == [
        (team, "Invited"),
        (team, "Sent again"),
        (ivy, "Accepted"),
    ]
    role = Membership.objects.get(user=ivy).history.get()
    assert role.history_user == ivy
    assert role.history_change_reason == "Invitation from Tess Team accepted"
