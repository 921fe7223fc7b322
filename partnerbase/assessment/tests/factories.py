"""A small programme with a call, submitted applications, a rubric and assessors.

Calls and applications are saved directly (record_save): the calls app's own services are
being written alongside; assessment only needs submitted applications to exist."""

from dataclasses import dataclass
from datetime import UTC, datetime

from partnerbase.accounts.models import Role
from partnerbase.accounts.services import membership_grant
from partnerbase.calls.models import Application, ApplicationStatus, Call
from partnerbase.core.history import record_save
from partnerbase.impact.tests.factories import Make, make_programme, make_user

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
        user = make_user()
        if role is not None:
            if organisation is None and role in (
                Role.CHAMPION, Role.INNOVATOR, Role.PARTNER_CONTACT,
            ):  # fmt: skip
                organisation = self.make.org()
            membership_grant(
                actor=self.make.actor, user=user, programme=self.programme, role=role,
                organisation=organisation,
            )  # fmt: skip
        return user

    def assessor(self, organisation=None):
        return self.user(Role.ASSESSOR, organisation)

    def assign(self, application, assessor):
        return services.assignment_add(
            actor=self.make.actor, application=application, assessor=assessor
        )


def make_call(make, *, slug="iep-2017"):
    accelerator = make.accelerator()
    call = Call(
        programme=make.programme, accelerator=accelerator, title=f"Call {slug}", slug=slug,
        opens_at=OPENS, closes_at=CLOSES,
    )  # fmt: skip
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
        services.criterion_add(actor=actor, rubric=rubric, name="Impact", weight=3,
                               min_score=0, max_score=10, guidance="Who benefits, how much"),
        services.criterion_add(actor=actor, rubric=rubric, name="Fit", weight=1,
                               min_score=0, max_score=10),
    ]  # fmt: skip
    return World(make, call, apps, rubric, criteria)
