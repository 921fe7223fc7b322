"""The working-group services: members, leads, meetings, ideas and their moves."""

from datetime import date

import pytest

from partnerbase.core.errors import DomainError
from partnerbase.core.period import Period
from partnerbase.directory.models import Person
from partnerbase.impact.figures import engaged_organisations
from partnerbase.programmes.deletion import programme_delete
from partnerbase.workinggroups import services
from partnerbase.workinggroups.models import Idea, WorkingGroupMeeting, WorkingGroupMember
from tests.factories import make_user

from .factories import JOINED, build_world, group

pytestmark = pytest.mark.django_db


def test_one_working_group_per_challenge_area(world, actor):
    with pytest.raises(DomainError) as refused:
        services.working_group_create(
            actor=actor,
            programme=world.programme,
            challenge_area=world.group.challenge_area,
            name="Again",
        )
    assert refused.value.field == "challenge_area"


def test_a_new_member_is_a_new_person_of_their_organisation(world, actor):
    org = world.make.org("Kind Bank", kind="business")
    member = services.working_group_member_add(
        actor=actor,
        working_group=world.group,
        name="Ada New",
        organisation=org,
        joined_on=date(2018, 1, 8),
    )
    assert member.person.organisation == org
    assert member.person.programme == world.programme
    assert member.history.first().history_user == actor


def test_someone_already_a_member_cannot_join_twice(world, actor):
    with pytest.raises(DomainError) as refused:
        services.working_group_member_add(
            actor=actor, working_group=world.group, person=world.member.person, joined_on=JOINED
        )
    assert refused.value.field == "person"


def test_an_account_without_a_role_here_is_refused_and_no_person_is_left_behind(world, actor):
    people = Person.objects.count()
    with pytest.raises(DomainError) as refused:
        services.working_group_member_add(
            actor=actor,
            working_group=world.group,
            name="Half Saved",
            organisation=world.make.org(),
            joined_on=JOINED,
            user=make_user(),
        )
    assert refused.value.field == "user"
    assert Person.objects.count() == people


def test_a_group_has_one_lead(world, actor):
    services.working_group_lead_set(actor=actor, member=world.member)

    leads = list(world.group.members.filter(is_lead=True))
    assert leads == [world.member]


def test_someone_who_left_cannot_lead(world, actor):
    services.working_group_member_leave(actor=actor, member=world.member, on=date(2018, 3, 1))
    with pytest.raises(DomainError):
        services.working_group_lead_set(actor=actor, member=world.member)


def test_leaving_before_joining_is_refused(world, actor):
    with pytest.raises(Exception, match="on or after the day they joined"):
        services.working_group_member_leave(actor=actor, member=world.member, on=date(2017, 1, 1))


def test_a_meeting_with_its_notes_and_who_came(world, actor):
    meeting = services.meeting_record(
        actor=actor,
        working_group=world.group,
        held_on=date(2017, 12, 4),
        notes="Shortlisted two ideas.",
        attendees=[world.member, world.lead],
    )
    assert set(meeting.attendees.all()) == {world.member, world.lead}


def test_attendees_must_be_members_of_the_group(world, actor):
    outsider = world.other_group.members.get()
    with pytest.raises(DomainError) as refused:
        services.meeting_record(
            actor=actor,
            working_group=world.group,
            held_on=date(2017, 12, 4),
            notes="Met",
            attendees=[outsider],
        )
    assert refused.value.field == "attendees"
    assert not WorkingGroupMeeting.objects.exists()


def test_an_idea_is_proposed_by_a_member_of_its_group(world, actor):
    outsider = world.other_group.members.get()
    with pytest.raises(DomainError) as refused:
        services.idea_propose(
            actor=actor,
            working_group=world.group,
            title="Elsewhere",
            proposed_by=outsider,
            proposed_on=date(2017, 12, 1),
        )
    assert refused.value.field == "proposed_by"


def test_an_idea_cannot_be_proposed_before_its_proposer_joined(world, actor):
    with pytest.raises(DomainError) as refused:
        services.idea_propose(
            actor=actor,
            working_group=world.group,
            title="Early",
            proposed_by=world.member,
            proposed_on=date(2017, 1, 1),
        )
    assert refused.value.field == "proposed_on"


def test_an_idea_becomes_a_project(world, actor):
    idea = services.idea_move(
        actor=actor, idea=world.idea, status="shortlisted", on=date(2017, 12, 1)
    )
    idea = services.idea_move(
        actor=actor,
        idea=idea,
        status="became_project",
        on=date(2018, 2, 1),
        project=world.project,
    )
    idea.refresh_from_db()
    assert (idea.status, idea.project, idea.status_changed_on) == (
        "became_project",
        world.project,
        date(2018, 2, 1),
    )
    assert world.project.ideas.get() == idea
    assert idea.history.first().history_change_reason == "Idea moved to became a project"


def test_an_invalid_move_is_refused_and_changes_nothing(world, actor):
    with pytest.raises(DomainError) as refused:
        services.idea_move(
            actor=actor,
            idea=world.idea,
            status="became_project",
            on=date(2018, 2, 1),
            project=world.project,
        )
    assert refused.value.field == "status"
    assert Idea.objects.get(pk=world.idea.pk).status == "idea"


def test_a_project_came_from_one_idea(world, actor):
    other = services.idea_propose(
        actor=actor,
        working_group=world.group,
        title="Second",
        proposed_by=world.lead,
        proposed_on=date(2017, 11, 2),
    )
    for idea in (world.idea, other):
        services.idea_move(actor=actor, idea=idea, status="shortlisted", on=date(2017, 12, 1))
    services.idea_move(
        actor=actor,
        idea=world.idea,
        status="became_project",
        on=date(2018, 1, 1),
        project=world.project,
    )
    with pytest.raises(DomainError, match="already came from") as refused:
        services.idea_move(
            actor=actor,
            idea=Idea.objects.get(pk=other.pk),
            status="became_project",
            on=date(2018, 1, 1),
            project=world.project,
        )
    assert refused.value.field == "project"


def test_a_project_of_another_programme_is_refused(world, actor):
    elsewhere = build_world(actor).project
    services.idea_move(actor=actor, idea=world.idea, status="shortlisted", on=date(2017, 12, 1))
    with pytest.raises(DomainError) as refused:
        services.idea_move(
            actor=actor,
            idea=world.idea,
            status="became_project",
            on=date(2018, 1, 1),
            project=elsewhere,
        )
    assert refused.value.field == "project"


# --- organisations engaged -------------------------------------------------------------


def test_members_organisations_count_as_engaged_while_they_belong(world, actor):
    make = world.make
    area_group = group(make, "work")
    stayed, left_early, joined_late = (make.org(n, kind="business") for n in ("A", "B", "C"))
    for org, joined, left in [
        (stayed, date(2017, 10, 1), None),
        (left_early, date(2016, 1, 1), date(2016, 12, 31)),
        (joined_late, date(2019, 1, 1), None),
    ]:
        services.working_group_member_add(
            actor=actor,
            working_group=area_group,
            name=f"Of {org}",
            organisation=org,
            joined_on=joined,
            left_on=left,
        )
    engaged = set(
        engaged_organisations(make.programme, Period(date(2017, 1, 1), date(2018, 12, 31)))
    )

    assert stayed in engaged
    assert left_early not in engaged and joined_late not in engaged


def test_a_member_without_an_organisation_adds_no_organisation(world, actor):
    before = engaged_organisations(world.programme, Period(date(2017, 1, 1), date(2018, 12, 31)))
    count = before.count()
    services.working_group_member_add(
        actor=actor, working_group=world.group, name="Independent", joined_on=JOINED
    )
    assert WorkingGroupMember.objects.filter(person__organisation=None).exists()
    assert before.count() == count


def test_a_programme_with_working_groups_can_be_deleted(world, actor):
    services.meeting_record(
        actor=actor,
        working_group=world.group,
        held_on=date(2017, 12, 4),
        notes="Met",
        attendees=[world.member],
    )
    programme_delete(actor=actor, programme=world.programme)

    assert not WorkingGroupMember.objects.exists() and not Idea.objects.exists()
