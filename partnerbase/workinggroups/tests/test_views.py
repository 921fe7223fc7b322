"""Who may open each working-group page and do each action, for every role; and the forms."""

from datetime import date
from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from partnerbase.accounts.models import Role
from partnerbase.workinggroups import services
from partnerbase.workinggroups.models import Idea, WorkingGroupMeeting, WorkingGroupMember
from tests.factories import roles

from .factories import build_world

pytestmark = pytest.mark.django_db

READ = {Role.TEAM, Role.CHAMPION}
MANAGE = {Role.TEAM}
WHO = roles.WHO


def _u(name, args):
    return lambda w: reverse(f"workinggroups:{name}", args=[w.programme.slug, *args(w)])


GROUP = lambda w: [w.group.uid]  # noqa: E731
PAGES = {
    "list": (_u("group_list", lambda w: []), READ),
    "group": (_u("group_detail", GROUP), READ),
    "add member": (_u("member_add", GROUP), MANAGE),
    "record leaving": (_u("member_leave", lambda w: [w.group.uid, w.member.uid]), MANAGE),
    "record meeting": (_u("meeting_add", GROUP), MANAGE),
    "propose idea": (_u("idea_add", GROUP), MANAGE),
    "move idea": (_u("idea_move", lambda w: [w.group.uid, w.idea.uid]), MANAGE),
}
LEAD = _u("lead_set", lambda w: [w.group.uid, w.member.uid])


def sign_in(client, world, who):
    return roles.sign_in(client, who, world.user)


def expected(who, allowed, page="list"):
    if who in allowed or who == "superuser":
        return 200
    if page != "list" and who not in READ:
        return 404  # a group they may not see: its existence does not show
    return 404 if who == "no role" else 403


@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize("page", PAGES)
def test_who_may_open_each_page(client, world, page, who):
    sign_in(client, world, who)

    assert client.get(PAGES[page][0](world)).status_code == expected(who, PAGES[page][1], page)


@pytest.mark.parametrize("who", WHO)
def test_who_may_choose_the_lead(client, world, who):
    sign_in(client, world, who)

    response = client.post(LEAD(world))

    lead_now = WorkingGroupMember.objects.get(pk=world.member.pk).is_lead
    if who in MANAGE or who == "superuser":
        assert response.status_code == 302 and lead_now
    else:
        assert response.status_code == expected(who, MANAGE, "lead") and not lead_now


@pytest.mark.parametrize("page", PAGES)
def test_signed_out_visitors_are_sent_to_sign_in(client, world, page):
    response = client.get(PAGES[page][0](world))

    assert response.status_code == 302
    assert urlsplit(response["Location"]).path == reverse("accounts:login")


@pytest.mark.parametrize("role", Role.values)
def test_nobody_sees_another_programmes_working_groups(client, world, actor, role):
    other = build_world(actor)
    user = sign_in(client, world, role)
    services.working_group_member_add(
        actor=actor,
        working_group=world.group,
        name="Them",
        joined_on=date(2017, 10, 2),
        user=user,
    )

    for page in PAGES:
        assert client.get(PAGES[page][0](other)).status_code == 404, page
    assert client.post(LEAD(other)).status_code == 404


def test_the_team_cannot_reach_a_group_of_another_programme_under_its_own(client, world, actor):
    other = build_world(actor)
    sign_in(client, world, Role.TEAM)
    slug = world.programme.slug

    url = reverse("workinggroups:group_detail", args=[slug, other.group.uid])
    assert client.get(url).status_code == 404
    url = reverse("workinggroups:idea_move", args=[slug, world.group.uid, other.idea.uid])
    assert client.get(url).status_code == 404


# --- members work inside their own groups -----------------------------------------------

OWN = {"list", "group", "record meeting", "propose idea"}


@pytest.mark.parametrize(
    "role",
    [
        Role.WORKING_GROUP_MEMBER,
        Role.INNOVATOR,
        Role.PARTNER_CONTACT,
        Role.ASSESSOR,
        Role.ACCELERATOR_MANAGER,
    ],
)
def test_a_member_works_inside_their_own_group_only(client, world, role):
    client.force_login(world.join(world.group, role))

    for page, (url, _) in PAGES.items():
        want = 200 if page in OWN else 403
        assert client.get(url(world)).status_code == want, page
    other = reverse(
        "workinggroups:group_detail", args=[world.programme.slug, world.other_group.uid]
    )
    assert client.get(other).status_code == 404  # another group: not even its existence
    for name in ("meeting_add", "idea_add"):
        url = reverse(f"workinggroups:{name}", args=[world.programme.slug, world.other_group.uid])
        assert client.get(url).status_code == 404, name
    listing = client.get(PAGES["list"][0](world))
    assert list(listing.context["groups"]) == [world.group]


def test_the_lead_moves_their_groups_ideas(client, world):
    client.force_login(world.join(world.group, lead=True))

    assert client.get(PAGES["move idea"][0](world)).status_code == 200
    assert client.get(PAGES["add member"][0](world)).status_code == 403


def test_someone_who_left_the_group_is_refused(client, world, actor):
    user = world.join(world.group)
    member = WorkingGroupMember.objects.get(user=user)
    services.working_group_member_leave(actor=actor, member=member, on=date(2018, 1, 1))
    client.force_login(user)

    assert client.get(PAGES["group"][0](world)).status_code == 404
    assert client.get(PAGES["list"][0](world)).status_code == 403


def test_a_champion_reads_every_group_but_changes_nothing(client, world):
    client.force_login(world.user(Role.CHAMPION))

    listing = client.get(PAGES["list"][0](world))
    page = client.get(PAGES["group"][0](world))

    assert set(listing.context["groups"]) == {world.group, world.other_group}
    assert "Propose an idea" not in page.content.decode()
    assert "Add a member" not in page.content.decode()


# --- the forms --------------------------------------------------------------------------


def _date(name, d):
    return {f"{name}_0": d.day, f"{name}_1": d.month, f"{name}_2": d.year}


def test_a_member_records_a_meeting(client, world):
    user = world.join(world.group)
    client.force_login(user)
    me = WorkingGroupMember.objects.get(user=user)

    response = client.post(
        PAGES["record meeting"][0](world),
        {**_date("held_on", date(2018, 2, 5)), "notes": "Agreed a pilot.", "attendees": [me.pk]},
    )

    assert response.status_code == 302
    meeting = WorkingGroupMeeting.objects.get()
    assert meeting.notes == "Agreed a pilot." and list(meeting.attendees.all()) == [me]
    assert meeting.history.first().history_user == user


def test_a_member_proposes_in_their_own_name(client, world):
    user = world.join(world.group)
    client.force_login(user)

    response = client.post(
        PAGES["propose idea"][0](world),
        {
            "title": "Peer support",
            "proposed_by": world.lead.pk,
            **_date("proposed_on", date(2018, 1, 9)),
        },
    )

    assert response.status_code == 302
    assert Idea.objects.get(title="Peer support").proposed_by.user == user


def test_the_team_proposes_for_a_member(client, world):
    client.force_login(world.user(Role.TEAM))

    client.post(
        PAGES["propose idea"][0](world),
        {
            "title": "Peer support",
            "proposed_by": world.lead.pk,
            **_date("proposed_on", date(2018, 1, 9)),
        },
    )

    assert Idea.objects.get(title="Peer support").proposed_by == world.lead


def test_bad_input_shows_the_error_summary_and_saves_nothing(client, world):
    client.force_login(world.user(Role.TEAM))

    response = client.post(
        PAGES["record meeting"][0](world),
        {"held_on_0": "31", "held_on_1": "2", "held_on_2": "2018"},
    )

    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    assert "Enter the notes of the meeting" in response.content.decode()
    assert not WorkingGroupMeeting.objects.exists()


def test_the_team_adds_a_member_with_an_account_and_a_new_person(client, world):
    client.force_login(world.user(Role.TEAM))
    account = world.user(Role.WORKING_GROUP_MEMBER)
    org = world.make.org("Helpful plc", kind="business")

    response = client.post(
        PAGES["add member"][0](world),
        {
            "name": "Nia New",
            "organisation": org.pk,
            "user": account.pk,
            **_date("joined_on", date(2018, 3, 1)),
        },
    )

    assert response.status_code == 302
    member = world.group.members.get(person__name="Nia New")
    assert (member.user, member.person.organisation) == (account, org)


def test_a_new_member_needs_an_organisation(client, world):
    client.force_login(world.user(Role.TEAM))

    response = client.post(
        PAGES["add member"][0](world), {"name": "Nia New", **_date("joined_on", date(2018, 3, 1))}
    )

    assert "Choose the new person’s organisation" in response.content.decode()
    assert not world.group.members.filter(person__name="Nia New").exists()


def test_moving_to_became_a_project_without_the_project_saves_nothing(client, world, actor):
    services.idea_move(actor=actor, idea=world.idea, status="shortlisted", on=date(2017, 12, 1))
    client.force_login(world.user(Role.TEAM))
    url = PAGES["move idea"][0](world)

    refused = client.post(url, {"status": "became_project", **_date("on", date(2018, 1, 5))})
    assert "Choose the project the idea became" in refused.content.decode()
    assert Idea.objects.get(pk=world.idea.pk).status == "shortlisted"

    client.post(
        url,
        {"status": "became_project", "project": world.project.pk, **_date("on", date(2018, 1, 5))},
    )
    assert Idea.objects.get(pk=world.idea.pk).project == world.project


def test_the_project_page_says_which_idea_it_came_from(client, world, actor):
    services.idea_move(actor=actor, idea=world.idea, status="shortlisted", on=date(2017, 12, 1))
    services.idea_move(
        actor=actor,
        idea=world.idea,
        status="became_project",
        on=date(2018, 1, 5),
        project=world.project,
    )
    client.force_login(world.user(Role.TEAM))

    page = client.get(
        reverse("projects:project_detail", args=[world.programme.slug, world.project.uid])
    )

    assert "“A toolkit for managers” in" in page.content.decode()
    assert world.group.name in page.content.decode()
