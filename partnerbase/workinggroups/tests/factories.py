"""A small programme with two working groups, built through the services."""

from dataclasses import dataclass
from datetime import date

from partnerbase.accounts.models import Role
from partnerbase.challenges.services import challenge_area_create
from partnerbase.projects import services as projects
from partnerbase.workinggroups import services
from tests.factories import Make, make_programme

JOINED = date(2017, 10, 2)


@dataclass
class World:
    make: Make
    group: object
    other_group: object
    member: object  # a current member of `group` with an account (not the lead)
    lead: object
    idea: object
    project: object

    @property
    def programme(self):
        return self.make.programme

    def user(self, role, organisation=None):
        """A user with `role`, acting for `organisation` (or a new one if the role needs it)."""
        return self.make.user(role, organisation=organisation)

    def join(self, group, role=Role.WORKING_GROUP_MEMBER, *, lead=False, **extra):
        """A new user with `role` who is a member of `group`, linked to their account."""
        user = self.user(role)
        services.working_group_member_add(
            actor=self.make.actor,
            working_group=group,
            name=f"Member {user.pk}",
            organisation=self.make.org(kind="business"),
            joined_on=JOINED,
            user=user,
            is_lead=lead,
            **extra,
        )
        return user


def group(make, slug):
    area = challenge_area_create(actor=make.actor, programme=make.programme, name=slug.title())
    return services.working_group_create(
        actor=make.actor,
        programme=make.programme,
        challenge_area=area,
        name=f"{slug.title()} working group",
        purpose="To meet",
    )


def build_world(actor):
    make = Make(actor, make_programme(actor))
    first, second = group(make, "health"), group(make, "money")
    add = lambda g, name, **kw: services.working_group_member_add(  # noqa: E731
        actor=actor,
        working_group=g,
        name=name,
        organisation=make.org(kind="business"),
        joined_on=JOINED,
        **kw,
    )
    lead = add(first, "Lena Lead", is_lead=True)
    member = add(first, "Mo Member")
    add(second, "Olu Other", is_lead=True)
    idea = services.idea_propose(
        actor=actor,
        working_group=first,
        title="A toolkit for managers",
        proposed_by=member,
        proposed_on=date(2017, 11, 1),
    )
    project = projects.project_create(actor=actor, programme=make.programme, name="Toolkit")
    return World(make, first, second, member, lead, idea, project)
