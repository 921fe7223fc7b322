"""Creating, changing, archiving and removing a working group in the pages: who may (every
role), the happy paths with their history, bad input saving nothing, and the refusals."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from partnerbase.accounts.models import Role
from partnerbase.challenges.services import challenge_area_create
from partnerbase.core.errors import DomainError
from partnerbase.workinggroups import services
from partnerbase.workinggroups.models import Idea, WorkingGroup, WorkingGroupMeeting
from partnerbase.workinggroups.permissions import can_view_working_group

from .factories import build_world
from .test_views import WHO, _date, expected, sign_in

pytestmark = pytest.mark.django_db

MANAGE = {Role.TEAM}


def _u(name, world, *args):
    return reverse(f"workinggroups:{name}", args=[world.programme.slug, *args])


def _free_area(world, name="Mental health at work"):
    return challenge_area_create(actor=world.make.actor, programme=world.programme, name=name)


def _empty_group(world):
    return services.working_group_create(
        actor=world.make.actor,
        programme=world.programme,
        challenge_area=_free_area(world, "Young people into work"),
        name="Transition to work",
    )


GET_PAGES = {
    "create": lambda w: _u("group_create", w),
    "edit": lambda w: _u("group_edit", w, w.group.uid),
    "archive": lambda w: _u("group_archive", w, w.group.uid),
    "remove": lambda w: _u("group_remove", w, w.group.uid),
}


def refused(user, who, group) -> int:
    """What someone who may not manage gets: 404 where they may not see the group (or the
    programme), so that its existence does not show; 403 where they may see it."""
    if who == "no role" or (group is not None and not can_view_working_group(user, group)):
        return 404
    return expected(who, MANAGE)


@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize("page", GET_PAGES)
def test_who_may_open_each_page(client, world, page, who):
    user = sign_in(client, world, who)

    status = client.get(GET_PAGES[page](world)).status_code

    group = None if page == "create" else world.group
    assert status == (200 if who in MANAGE or who == "superuser" else refused(user, who, group))


def _posts(world, area, empty):
    """Each write, with valid data: (url, data, whether it happened)."""
    return {
        "create": (
            _u("group_create", world),
            {"challenge_area": area.pk, "name": "Mind", "purpose": "Mental health"},
            lambda: WorkingGroup.objects.filter(challenge_area=area).exists(),
        ),
        "edit": (
            _u("group_edit", world, world.group.uid),
            {"name": "Renamed", "purpose": "New purpose"},
            lambda: WorkingGroup.objects.get(pk=world.group.pk).name == "Renamed",
        ),
        "archive": (
            _u("group_archive", world, world.group.uid),
            _date("on", date(2018, 9, 28)),
            lambda: WorkingGroup.objects.get(pk=world.group.pk).archived_on is not None,
        ),
        "unarchive": (
            _u("group_unarchive", world, world.other_group.uid),
            {},
            lambda: WorkingGroup.objects.get(pk=world.other_group.pk).archived_on is None,
        ),
        "remove": (
            _u("group_remove", world, empty.uid),
            {},
            lambda: not WorkingGroup.objects.filter(pk=empty.pk).exists(),
        ),
    }


@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize("write", ["create", "edit", "archive", "unarchive", "remove"])
def test_who_may_write(client, world, write, who):
    services.working_group_archive(
        actor=world.make.actor, working_group=world.other_group, on=date(2018, 9, 1)
    )
    empty = _empty_group(world)
    url, data, happened = _posts(world, _free_area(world), empty)[write]
    group = {"create": None, "unarchive": world.other_group, "remove": empty}.get(
        write, world.group
    )
    user = sign_in(client, world, who)

    response = client.post(url, data)

    if who in MANAGE or who == "superuser":
        assert response.status_code == 302 and happened()
    else:
        assert response.status_code == refused(user, who, group) and not happened()


@pytest.mark.parametrize("role", [Role.TEAM, Role.CHAMPION])
def test_another_programmes_group_is_a_404(client, world, actor, role):
    other = build_world(actor)
    client.force_login(world.user(role))
    slug = world.programme.slug

    for name in ("group_edit", "group_archive", "group_remove", "group_unarchive"):
        under_mine = reverse(f"workinggroups:{name}", args=[slug, other.group.uid])
        under_theirs = reverse(
            f"workinggroups:{name}", args=[other.programme.slug, other.group.uid]
        )
        assert client.post(under_mine, {"name": "X"}).status_code == 404, name
        assert client.post(under_theirs, {"name": "X"}).status_code == 404, name
    assert WorkingGroup.objects.get(pk=other.group.pk).name == other.group.name


# --- create ------------------------------------------------------------------------------


def test_the_team_creates_a_group_for_an_area_without_one(client, world):
    team = world.user(Role.TEAM)
    client.force_login(team)
    area = _free_area(world)

    page = client.get(GET_PAGES["create"](world))
    offered = list(page.context["form"].fields["challenge_area"].queryset)
    response = client.post(
        GET_PAGES["create"](world),
        {"challenge_area": area.pk, "name": " Mind at work ", "purpose": "Employers act"},
    )

    assert offered == [area]  # the two areas with groups are not offered
    group = WorkingGroup.objects.get(challenge_area=area)
    assert response["Location"] == _u("group_detail", world, group.uid)
    assert (group.name, group.purpose, group.programme) == (
        "Mind at work",
        "Employers act",
        world.programme,
    )
    row = group.history.get()
    assert (row.history_user, row.history_change_reason) == (team, "Working group created")


def test_creating_without_a_name_or_for_a_taken_area_saves_nothing(client, world):
    client.force_login(world.user(Role.TEAM))
    area = _free_area(world)

    no_name = client.post(GET_PAGES["create"](world), {"challenge_area": area.pk, "name": ""})
    taken = client.post(
        GET_PAGES["create"](world), {"challenge_area": world.group.challenge_area.pk, "name": "X"}
    )

    assert "There is a problem" in no_name.content.decode()
    assert "Enter the working group&#x27;s name" in no_name.content.decode()
    assert "Select a challenge area that has no working group yet" in taken.content.decode()
    assert WorkingGroup.objects.count() == 2


def test_with_every_area_taken_the_page_says_so(client, world):
    client.force_login(world.user(Role.TEAM))

    page = client.get(GET_PAGES["create"](world)).content.decode()

    assert "Every challenge area already has a working group" in page
    assert "Create working group</button>" not in page


# --- change ------------------------------------------------------------------------------


def test_the_team_renames_a_group_and_history_keeps_the_old_name(client, world):
    team = world.user(Role.TEAM)
    client.force_login(team)

    client.post(GET_PAGES["edit"](world), {"name": "Health at work", "purpose": "Fewer sick days"})

    group = WorkingGroup.objects.get(pk=world.group.pk)
    assert (group.name, group.purpose) == ("Health at work", "Fewer sick days")
    newest, older = group.history.all()[:2]
    assert (newest.history_user, newest.history_change_reason) == (team, "Working group changed")
    assert older.name == "Health working group"
    page = client.get(_u("group_detail", world, group.uid)).content.decode()
    assert "Working group changed" in page and "Health working group" in page  # the history


def test_an_empty_name_is_refused_and_nothing_changes(client, world):
    client.force_login(world.user(Role.TEAM))

    response = client.post(GET_PAGES["edit"](world), {"name": "  ", "purpose": "Changed"})

    assert "Enter the working group&#x27;s name" in response.content.decode()
    assert WorkingGroup.objects.get(pk=world.group.pk).purpose == "To meet"


# --- archive -----------------------------------------------------------------------------


def test_an_archived_group_is_listed_apart_and_takes_nothing_new(client, world):
    team = world.user(Role.TEAM)
    client.force_login(team)

    response = client.post(GET_PAGES["archive"](world), _date("on", date(2018, 9, 28)))

    group = WorkingGroup.objects.get(pk=world.group.pk)
    assert response.status_code == 302 and group.archived_on == date(2018, 9, 28)
    row = group.history.first()
    assert (row.history_user, row.history_change_reason) == (team, "Working group archived")
    listing = client.get(_u("group_list", world))
    assert list(listing.context["groups"]) == [world.other_group]
    assert list(listing.context["archived"]) == [group]
    page = client.get(_u("group_detail", world, group.uid)).content.decode()
    assert "This group was archived on 28 September 2018" in page
    assert "A toolkit for managers" in page and "Mo Member" in page  # still readable
    assert "Propose an idea" not in page and "Add a member" not in page
    for name in ("member_add", "meeting_add", "idea_add"):
        refused = client.post(_u(name, world, group.uid), {"notes": "x", "title": "x"})
        assert refused.status_code == 302, name
    assert not WorkingGroupMeeting.objects.exists() and Idea.objects.count() == 1
    assert (
        "it takes no new members, meetings or ideas"
        in client.get(_u("group_detail", world, group.uid)).content.decode()
    )


def test_the_services_refuse_new_members_meetings_and_ideas_when_archived(world, actor):
    services.working_group_archive(actor=actor, working_group=world.group, on=date(2018, 9, 28))

    with pytest.raises(DomainError, match="takes no new members"):
        services.working_group_member_add(
            actor=actor, working_group=world.group, person=world.lead.person, joined_on=date.today()
        )
    with pytest.raises(DomainError, match="takes no new meetings"):
        services.meeting_record(
            actor=actor, working_group=world.group, held_on=date(2018, 10, 1), notes="Met"
        )
    with pytest.raises(DomainError, match="takes no new ideas"):
        services.idea_propose(
            actor=actor,
            working_group=world.group,
            title="Late",
            proposed_by=world.member,
            proposed_on=date(2018, 10, 1),
        )


def test_archiving_before_the_last_activity_or_in_the_future_saves_nothing(client, world, actor):
    services.meeting_record(
        actor=actor, working_group=world.group, held_on=date(2018, 2, 5), notes="Met"
    )
    client.force_login(world.user(Role.TEAM))

    early = client.post(GET_PAGES["archive"](world), _date("on", date(2018, 1, 31)))
    future = client.post(GET_PAGES["archive"](world), _date("on", date.today() + timedelta(1)))
    empty = client.post(GET_PAGES["archive"](world), {"on_0": "", "on_1": "", "on_2": ""})

    assert "last activity was a meeting on 5 February 2018: archive it on or after" in (
        early.content.decode()
    )
    assert "The date archived must be today or in the past" in future.content.decode()
    assert "Enter the date archived" in empty.content.decode()
    assert WorkingGroup.objects.get(pk=world.group.pk).archived_on is None


def test_the_archive_page_names_the_members_still_current(client, world):
    client.force_login(world.user(Role.TEAM))

    page = client.get(GET_PAGES["archive"](world)).content.decode()

    assert "2 members are still current (Lena Lead, Mo Member)" in page


def test_unarchiving_opens_the_group_again(client, world, actor):
    services.working_group_archive(actor=actor, working_group=world.group, on=date(2018, 9, 28))
    team = world.user(Role.TEAM)
    client.force_login(team)

    client.post(_u("group_unarchive", world, world.group.uid))
    again = client.post(_u("group_unarchive", world, world.group.uid), follow=True)

    group = WorkingGroup.objects.get(pk=world.group.pk)
    assert group.archived_on is None
    row = group.history.first()
    assert (row.history_user, row.history_change_reason) == (team, "Working group unarchived")
    assert "is not archived" in again.content.decode()
    assert client.get(_u("meeting_add", world, group.uid)).status_code == 200


# --- remove ------------------------------------------------------------------------------


def test_a_group_with_members_and_ideas_is_not_removed_and_the_refusal_names_them(client, world):
    client.force_login(world.user(Role.TEAM))

    shown = client.get(GET_PAGES["remove"](world)).content.decode()
    refused = client.post(GET_PAGES["remove"](world)).content.decode()

    want = (
        "Cannot remove: 2 members (Lena Lead, Mo Member) and 1 idea (A toolkit for managers) "
        "belong to this working group."
    )
    assert want in shown and want in refused
    assert "Remove working group</button>" not in shown
    assert WorkingGroup.objects.filter(pk=world.group.pk).exists()


def test_an_empty_group_is_removed_and_history_keeps_it(client, world):
    empty = _empty_group(world)
    team = world.user(Role.TEAM)
    client.force_login(team)

    response = client.post(_u("group_remove", world, empty.uid))

    assert response["Location"] == _u("group_list", world)
    assert not WorkingGroup.objects.filter(pk=empty.pk).exists()
    gone = WorkingGroup.history.filter(id=empty.pk).first()
    assert (gone.history_type, gone.history_user) == ("-", team)
    assert gone.history_change_reason == "Working group removed"


# --- members from the group page ---------------------------------------------------------


def test_the_team_manages_members_from_the_group_page(client, world):
    client.force_login(world.user(Role.TEAM))
    page = client.get(_u("group_detail", world, world.group.uid)).content.decode()

    for url in (
        _u("member_add", world, world.group.uid),
        _u("member_leave", world, world.group.uid, world.member.uid),
        _u("lead_set", world, world.group.uid, world.member.uid),
    ):
        assert url in page
    client.post(_u("lead_set", world, world.group.uid, world.member.uid))
    client.post(
        _u("member_leave", world, world.group.uid, world.lead.uid), _date("on", date(2018, 3, 1))
    )

    members = {m.person.name: m for m in world.group.members.select_related("person")}
    assert members["Mo Member"].is_lead and not members["Lena Lead"].is_lead
    assert members["Lena Lead"].left_on == date(2018, 3, 1)
