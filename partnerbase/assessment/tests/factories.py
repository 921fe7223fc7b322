"""A small programme with a call, submitted applications, a rubric and assessors.

Calls and applications are saved directly (record_save): the calls app's own services are
being written alongside; assessment only needs submitted applications to exist."""

from dataclasses import dataclass
from datetime import UTC, datetime

from partnerbase.accounts.models import Role
from partnerbase.calls.models import Application, ApplicationStatus, Call
from partnerbase.core.history import record_save
from tests.factories import Make, make_programme

from .. import services

OPENS = datetime(2017, 8, 1, 9, tzinfo=UTC)
CLOSES = datetime(2017, 11, 3, 12, tzinfo=UTC)


@dataclass
class World:
    make: Make
    call: Call
    applications: list
    rubric: object
    criteria: list

    @property
    def programme(self):
        return self.make.programme

    def user(self, role, organisation=None):
        """A user with `role`, acting for `organisation` (or a new one if the role needs it)."""
        return self.make.user(role, organisation=organisation)

    def assessor(self, organisation=None):
        return self.user(Role.ASSESSOR, organisation)

    def assign(self, application, assessor):
        return services.assignment_add(
            actor=self.make.actor, application=application, assessor=assessor
        )


def make_call(make, *, slug="iep-2017"):
    accelerator = make.accelerator()
    call = Call(
        programme=make.programme,
        accelerator=accelerator,
        title=f"Call {slug}",
        slug=slug,
        opens_at=OPENS,
        closes_at=CLOSES,
    )
    return record_save(call, actor=make.actor)


def make_application(make, call, organisation=None, *, status=ApplicationStatus.SUBMITTED):
    application = Application(
        call=call,
        organisation=organisation or make.org(),
        status=status,
        submitted_at=CLOSES if status == ApplicationStatus.SUBMITTED else None,
    )
    return record_save(application, actor=make.actor)


def build_world(actor, *, applications=3):
    make = Make(actor, make_programme(actor))
    call = make_call(make)
    apps = [make_application(make, call, make.org(f"Applicant {i}")) for i in range(applications)]
    rubric = services.rubric_create(actor=actor, call=call, disagreement_threshold=35)
    criteria = [
        services.criterion_add(
            actor=actor,
            rubric=rubric,
            name="Impact",
            weight=3,
            min_score=0,
            max_score=10,
            guidance="Who benefits, how much",
        ),
        services.criterion_add(
            actor=actor, rubric=rubric, name="Fit", weight=1, min_score=0, max_score=10
        ),
    ]
    return World(make, call, apps, rubric, criteria)
