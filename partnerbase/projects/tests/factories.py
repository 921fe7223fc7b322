"""A small programme with a project and a competition, built through the services."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from partnerbase.accounts.models import Role
from partnerbase.projects import services
from tests.factories import Make, make_programme


@dataclass
class World:
    make: Make
    project: object
    competition: object
    sponsor: object
    entrant: object
    other_entrant: object
    entry: object
    other_entry: object
    criteria: list

    @property
    def programme(self):
        return self.make.programme

    def user(self, role, organisation=None):
        """A user with `role`, acting for `organisation` (or a new one if the role needs it)."""
        return self.make.user(role, organisation=organisation)

    def judge(self, organisation=None, entries=()):
        user = self.user(Role.ASSESSOR)
        return services.competition_judge_add(
            actor=self.make.actor,
            competition=self.competition,
            user=user,
            organisation=organisation,
            entries=entries,
        )


def build_world(actor, **programme):
    make = Make(actor, make_programme(actor, report_date=date(2018, 12, 31), **programme))
    make.rate("GBP", "USD", date(2017, 1, 1), "1.25")
    lead, funder = make.org("Lead Council", kind="local_authority"), make.org("Big Bank")
    project = services.project_create(
        actor=actor,
        programme=make.programme,
        name="Regional pilot",
        status="launched",
        launch_date=date(2017, 6, 1),
        coalition=[(lead, "lead"), (funder, "funder")],
    )
    sponsor = make.org("Sponsor Society", kind="business")
    competition = services.competition_create(
        actor=actor,
        programme=make.programme,
        name="Money for Good",
        sponsor=sponsor,
        prize_fund=Decimal("100000"),
        currency="GBP",
        launch_date=date(2017, 3, 1),
        stages=[
            ("Open call", date(2017, 3, 1), date(2017, 5, 1)),
            ("Final", date(2017, 9, 1), None),
        ],
        criteria=[("Impact", 2, 0, 10), ("Team", 1, 1, 5)],
    )
    entrant, other_entrant = make.org("Entrant One"), make.org("Entrant Two")
    entry, other_entry = (
        services.competition_entry_record(
            actor=actor,
            competition=competition,
            organisation=org,
            title=f"Idea of {org}",
            entered_on=date(2017, 4, 1),
        )
        for org in (entrant, other_entrant)
    )
    return World(
        make,
        project,
        competition,
        sponsor,
        entrant,
        other_entrant,
        entry,
        other_entry,
        list(competition.criteria.all()),
    )
