"""A small programme with champion prospects, built through the services."""

from datetime import date

from partnerbase.champions import services
from tests.factories import Make, make_programme

ADDED = date(2017, 9, 4)


class World(Make):
    def prospect(self, org_name="Acme plc", person_name="Ada Acme", **extra):
        return services.prospect_add(
            **self._kw(),
            organisation_name=org_name,
            person_name=person_name,
            added_on=ADDED,
            **extra,
        )

    def criteria(self):
        return services.criteria_ensure(**self._kw())

    def score(self, prospect, *values):
        criteria = self.criteria()
        return services.prospect_score(
            actor=self.actor, prospect=prospect, scores=dict(zip(criteria, values, strict=True))
        )

    def walk(self, prospect, *stages, on=date(2017, 9, 10)):
        for stage in stages:
            prospect = services.prospect_move(
                actor=self.actor, prospect=prospect, to_stage=stage, changed_on=on
            )
        return prospect

    def met(self, prospect):
        return self.walk(prospect, "targeted", "meeting_arranged", "met")


def build(actor, name="Alpha Inclusion Programme", slug="alpha"):
    world = World(actor, make_programme(actor, name=name, slug=slug))
    world.criteria()
    world.first = world.prospect("Acme plc", "Ada Acme")
    world.score(world.first, 5, 4, 3, 2)
    return world
