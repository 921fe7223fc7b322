"""A small accelerator: a call with four submitted applications and a draft, a cohort, and a
user for every role (innovators act for the applicants)."""

from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from partnerbase.accelerator import services
from partnerbase.accounts.models import Role
from partnerbase.accounts.services import membership_grant
from partnerbase.calls.models import Application, ApplicationStatus, Call
from partnerbase.challenges.services import challenge_area_create
from tests.factories import Make, make_programme, make_user

ROLES = [
    Role.TEAM,
    Role.ACCELERATOR_MANAGER,
    Role.CHAMPION,
    Role.WORKING_GROUP_MEMBER,
    Role.ASSESSOR,
    Role.INNOVATOR,
    Role.PARTNER_CONTACT,
]
STARTS = date(2018, 2, 1)


@dataclass
class World:
    make: Make
    programme: object
    accelerator: object
    cohort: object
    call: object
    challenge: object
    orgs: dict = field(default_factory=dict)
    applications: dict = field(default_factory=dict)
    users: dict = field(default_factory=dict)

    @property
    def actor(self):
        return self.make.actor

    def application(self, key, status=ApplicationStatus.SUBMITTED):
        # The calls app has no services yet: its records are made directly.
        org = self.make.org(f"{key.title()} Ltd")
        self.orgs[key] = org
        self.applications[key] = Application.objects.create(
            call=self.call,
            organisation=org,
            challenge_area=self.challenge,
            status=status,
            submitted_at=datetime(2017, 11, 1, 12, tzinfo=UTC)
            if status == ApplicationStatus.SUBMITTED
            else None,
        )
        return self.applications[key]

    def user(self, role, org=None, email=None):
        user = make_user(email=email)
        if role == "superuser":
            user.is_superuser = True
            user.save()
            return user
        if role in (Role.CHAMPION, Role.PARTNER_CONTACT) and org is None:
            org = self.make.org()
        membership_grant(
            actor=self.actor, user=user, programme=self.programme, role=role, organisation=org
        )
        return user


def build_world(slug="acc", name="Accelerator programme") -> World:
    actor = make_user()
    make = Make(actor, make_programme(actor, slug=slug, name=name))
    p = make.programme
    acc = make.accelerator(starts_on=date(2017, 8, 1))
    cohort = services.cohort_create(
        actor=actor,
        accelerator=acc,
        name="First cohort",
        starts_on=STARTS,
        ends_on=date(2018, 7, 31),
    )
    call = Call.objects.create(
        programme=p,
        accelerator=acc,
        title="Scale-up call",
        slug="scale-up",
        opens_at=datetime(2017, 8, 1, tzinfo=UTC),
        closes_at=datetime(2017, 11, 3, 12, tzinfo=UTC),
    )
    challenge = challenge_area_create(actor=actor, programme=p, name="Financial inclusion")
    world = World(make, p, acc, cohort, call, challenge)
    for key in ("alpha", "bravo", "charlie", "delta"):
        world.application(key)
    world.application("draft", status=ApplicationStatus.DRAFT)
    for role in ROLES:
        org = world.orgs["alpha"] if role == Role.INNOVATOR else None
        world.users[role] = world.user(role, org, email=f"{role}@{slug}.example.org")
    world.users["other innovator"] = world.user(Role.INNOVATOR, world.orgs["bravo"])
    world.users["superuser"] = world.user("superuser")
    world.users["no role"] = make_user()
    return world
