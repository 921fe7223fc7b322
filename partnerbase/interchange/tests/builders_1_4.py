"""Format 1.4's dates for the small programme: an archived working group (with a member, a
meeting and a shortlisted idea, so import must archive it after them) and a graduation."""

from datetime import date

from partnerbase.accelerator import services as accelerator
from partnerbase.accelerator.models import CohortMembership
from partnerbase.directory.models import Person
from partnerbase.workinggroups import services as wg


def version_1_4_records(actor, p, area) -> None:
    group = wg.working_group_create(
        actor=actor,
        programme=p,
        challenge_area=area,
        name="Financial inclusion working group",
        purpose="Fairer credit",
    )
    member = wg.working_group_member_add(
        actor=actor,
        working_group=group,
        person=Person.objects.get(programme=p, name="Ada"),
        joined_on=date(2017, 11, 1),
        is_lead=True,
    )
    wg.meeting_record(
        actor=actor,
        working_group=group,
        held_on=date(2018, 3, 5),
        notes="Agreed a pilot",
        attendees=[member],
    )
    idea = wg.idea_propose(
        actor=actor,
        working_group=group,
        title="Credit union pilot",
        proposed_by=member,
        proposed_on=date(2018, 3, 5),
    )
    wg.idea_move(actor=actor, idea=idea, status="shortlisted", on=date(2018, 4, 2))
    wg.working_group_archive(actor=actor, working_group=group, on=date(2018, 9, 28))
    place = CohortMembership.objects.get(
        cohort__accelerator__programme=p, cohort__name="Selected cohort"
    )
    accelerator.cohort_member_graduate(actor=actor, membership=place, on=date(2018, 7, 31))
