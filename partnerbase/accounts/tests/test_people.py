"""The people page for every role: only the convening team may see it, invite, resend,
withdraw, change or remove roles; the last team member stays; the page's queries are few."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from partnerbase.accounts import invitations
from partnerbase.accounts.models import Invitation, InvitationStatus, Membership, Role, User
from partnerbase.accounts.services import membership_change, membership_grant, membership_remove
from partnerbase.core.errors import DomainError
from partnerbase.notifications.tests.helpers import committed
from tests.factories import Make, make_programme, make_user

from .conftest import link_in

TEAM = {Role.TEAM, "superuser"}


@pytest.fixture
def world(make, team):
    """A team member, an innovator (the person whose roles change) and a waiting invitation."""
    make.toolshed = make.org("Toolshed")
    make.team = team
    make.ivan = make.user(Role.INNOVATOR, make.toolshed, full_name="Ivan Innovator")
    make.invitation = invitations.invitation_send(
        actor=team,
        programme=make.programme,
        email="new@example.org",
        roles=[Role.ASSESSOR],
        site_url="http://testserver",
    )
    mail.outbox.clear()
    make.ivan_role = Membership.objects.get(user=make.ivan)
    return make


def url(name, w):
    s = "iep"
    return {
        "people": reverse("people:list", args=[s]),
        "invite": reverse("people:invite", args=[s]),
        "person": reverse("people:person", args=[s, w.ivan.pk]),
        "role add": reverse("people:role_add", args=[s, w.ivan.pk]),
        "role change": reverse("people:role_change", args=[s, w.ivan.pk, w.ivan_role.pk]),
        "role remove": reverse("people:role_remove", args=[s, w.ivan.pk, w.ivan_role.pk]),
        "resend": reverse("people:invitation_resend", args=[s, w.invitation.uid]),
        "withdraw": reverse("people:invitation_revoke", args=[s, w.invitation.uid]),
    }[name]


PAGES = ["people", "invite", "person", "role add", "role change"]
# What each action posts, so that the team's post would succeed.
POSTS = {
    "invite": lambda w: {"email": "x@example.org", "roles": [Role.ASSESSOR]},
    "role add": lambda w: {"role": Role.PARTNER_CONTACT, "organisation": w.toolshed.pk},
    "role change": lambda w: {"role": Role.CHAMPION, "organisation": w.toolshed.pk},
    "role remove": lambda w: {},
    "resend": lambda w: {},
    "withdraw": lambda w: {},
}


def someone(w, who):
    if who == "superuser":
        return User.objects.create_superuser(email="root@example.org", password=None)
    if who == "no role":
        return make_user()
    if who == "team of another programme":
        return Make(w.actor, make_programme(w.actor)).user(Role.TEAM)
    return w.team if who == Role.TEAM else w.user(who)


WHO = [*Role.values, "superuser", "no role", "team of another programme"]


def expected(who) -> int:
    if who in TEAM:
        return 200
    return 403 if who in Role.values else 404


@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize("page", PAGES)
def test_who_may_open_each_page(client, world, page, who):
    client.force_login(someone(world, who))
    assert client.get(url(page, world)).status_code == expected(who)


def state(w):
    return (
        sorted(Membership.objects.values_list("user_id", "role", "organisation_id")),
        sorted(Invitation.objects.values_list("email", "status", "token_hash")),
    )


@pytest.mark.parametrize("who", [w for w in WHO if w not in TEAM])
@pytest.mark.parametrize("action", POSTS)
def test_nobody_but_the_team_may_invite_or_change_roles(client, world, action, who):
    client.force_login(someone(world, who))
    before = state(world)

    response = client.post(url(action, world), POSTS[action](world))

    assert response.status_code == expected(who)
    assert state(world) == before and not mail.outbox


@pytest.mark.parametrize("action", POSTS)
def test_the_team_may(client, world, action):
    client.force_login(world.team)
    before = state(world)

    response = client.post(url(action, world), POSTS[action](world))

    assert response.status_code == 302
    assert state(world) != before


def test_signed_out_people_are_sent_to_sign_in(client, world):
    response = client.get(url("people", world))
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")


@pytest.mark.parametrize("action", ["role remove", "resend", "withdraw"])
def test_changes_are_never_made_by_a_get(client, world, action):
    client.force_login(world.team)
    before = state(world)
    assert client.get(url(action, world)).status_code == 405
    assert state(world) == before


def test_the_page_lists_people_roles_organisations_and_waiting_invitations(client, world):
    client.force_login(world.team)
    page = client.get(url("people", world)).content.decode()

    assert "Ivan Innovator" in page and "Innovator for Toolshed" in page
    assert "Tess Team" in page and "Convening team" in page
    assert 'data-invitation="new@example.org"' in page and "Assessor" in page
    assert "Send again" in page and "Withdraw" in page


def test_sending_again_from_the_page_emails_a_new_link(client, world):
    client.force_login(world.team)
    old_hash = world.invitation.token_hash

    with committed():
        response = client.post(url("resend", world), follow=True)

    assert "A new invitation link was sent to new@example.org" in response.content.decode()
    [email] = mail.outbox
    assert email.to == ["new@example.org"]
    assert link_in(email).startswith("/accounts/invitations/")
    world.invitation.refresh_from_db()
    assert world.invitation.token_hash != old_hash


def test_withdrawing_from_the_page(client, world):
    client.force_login(world.team)
    response = client.post(url("withdraw", world), follow=True)

    assert "was withdrawn" in response.content.decode()
    world.invitation.refresh_from_db()
    assert world.invitation.status == InvitationStatus.REVOKED
    assert 'data-invitation="new@example.org"' not in response.content.decode()


def test_an_invitation_already_withdrawn_cannot_be_sent_again(client, world):
    invitations.invitation_revoke(actor=world.team, invitation=world.invitation)
    client.force_login(world.team)

    response = client.post(url("resend", world))

    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()
    assert "This invitation has been withdrawn" in response.content.decode()
    assert not mail.outbox


def test_the_invite_form_shows_errors_next_to_the_fields(client, world):
    client.force_login(world.team)
    response = client.post(url("invite", world), {"email": "nope", "roles": []})
    page = response.content.decode()

    assert response.status_code == 200
    assert "Enter an email address in the correct format" in page
    assert "Select at least one role" in page
    response = client.post(
        url("invite", world), {"email": "c@example.org", "roles": [Role.CHAMPION]}
    )
    assert "Choose the organisation the champion acts for" in response.content.decode()
    assert Invitation.objects.count() == 1


def test_the_last_convening_team_member_cannot_be_removed(client, world):
    only = Membership.objects.get(role=Role.TEAM)
    client.force_login(world.team)

    response = client.post(reverse("people:role_remove", args=["iep", world.team.pk, only.pk]))

    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page
    assert "the programme’s only convening-team member" in page
    assert f'href="#role-{only.pk}"' in page
    assert Membership.objects.filter(pk=only.pk).exists()


def test_nor_changed_to_another_role(client, world):
    only = Membership.objects.get(role=Role.TEAM)
    client.force_login(world.team)

    response = client.post(
        reverse("people:role_change", args=["iep", world.team.pk, only.pk]),
        {"role": Role.ASSESSOR},
    )

    assert "the programme’s only convening-team member" in response.content.decode()
    assert Membership.objects.get(pk=only.pk).role == Role.TEAM


def test_with_another_team_member_a_team_role_can_go(world):
    second = world.user(Role.TEAM)
    only = Membership.objects.get(user=world.team, role=Role.TEAM)

    membership_remove(actor=second, membership=only)

    assert list(Membership.objects.filter(role=Role.TEAM).values_list("user", flat=True)) == [
        second.pk
    ]
    with pytest.raises(DomainError, match="only convening-team member"):
        membership_remove(actor=second, membership=Membership.objects.get(user=second))


def test_changing_a_role_keeps_its_history(client, world):
    client.force_login(world.team)
    response = client.post(
        url("role change", world), {"role": Role.PARTNER_CONTACT, "organisation": world.toolshed.pk}
    )

    assert response.status_code == 302
    world.ivan_role.refresh_from_db()
    assert world.ivan_role.role == Role.PARTNER_CONTACT
    latest = world.ivan_role.history.latest()
    assert latest.history_user == world.team
    assert latest.history_change_reason == "Role changed from innovator"


def test_a_role_that_acts_for_an_organisation_needs_one(client, world):
    client.force_login(world.team)
    response = client.post(url("role add", world), {"role": Role.CHAMPION})

    assert "A champion acts for an organisation: name it." in response.content.decode()
    assert Membership.objects.filter(user=world.ivan).count() == 1


def test_a_change_cannot_duplicate_a_role_held(world):
    other = membership_grant(
        actor=world.team,
        user=world.ivan,
        programme=world.programme,
        role=Role.PARTNER_CONTACT,
        organisation=world.toolshed,
    )
    with pytest.raises(DomainError, match="already has this role"):
        membership_change(
            actor=world.team, membership=other, role=Role.INNOVATOR, organisation=world.toolshed
        )


def test_removing_a_persons_last_role_takes_them_off_the_page(client, world):
    client.force_login(world.team)
    response = client.post(url("role remove", world), follow=True)

    page = response.content.decode()
    assert "Ivan Innovator no longer has the role Innovator" in page
    assert 'data-person="' + world.ivan.email + '"' not in page
    latest = Membership.history.filter(id=world.ivan_role.pk).latest()
    assert latest.history_type == "-" and latest.history_user == world.team


def test_the_landing_page_offers_the_people_page_to_the_team_only(client, world):
    client.force_login(world.team)
    assert ">People and access<" in client.get("/").content.decode()
    client.force_login(world.ivan)
    assert ">People and access<" not in client.get("/").content.decode()


def test_the_people_page_runs_the_same_queries_however_many_people(client, world):
    client.force_login(world.team)
    page = url("people", world)
    client.get(page)  # warm the session and the content types

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(page).status_code == 200
        return len(captured)

    few = queries()
    for n in range(6):
        world.user(Role.PARTNER_CONTACT, world.org(f"Partner {n}"))
        invitations.invitation_send(
            actor=world.team,
            programme=world.programme,
            email=f"p{n}@example.org",
            roles=[Role.INNOVATOR],
            organisation=world.toolshed,
            site_url="http://testserver",
        )
    assert queries() == few


def test_giving_up_ones_own_team_role_leads_home(client, world):
    world.user(Role.TEAM)  # someone else stays on the team
    own = Membership.objects.get(user=world.team, role=Role.TEAM)
    client.force_login(world.team)

    response = client.post(reverse("people:role_remove", args=["iep", world.team.pk, own.pk]))

    assert response.status_code == 302 and response.url == reverse("home")
    assert not Membership.objects.filter(pk=own.pk).exists()


def test_people_are_listed_by_the_name_shown(client, world):
    world.user(Role.ASSESSOR, email="aaron@example.org")  # no name: shown by email
    client.force_login(world.team)
    page = client.get(url("people", world)).content.decode()

    order = [
        page.index(f'data-person="{e}"')
        for e in ("aaron@example.org", world.ivan.email, "tess@example.org")
    ]
    assert order == sorted(order)
