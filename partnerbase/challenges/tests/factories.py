"""A small programme for the challenge tests: partner organisations, board seats, a user
for every role, proposals, and votes at each status."""

from dataclasses import dataclass, field
from datetime import date

from partnerbase.accounts.models import Role, User
from partnerbase.accounts.services import membership_grant
from partnerbase.board.services import champion_appoint
from partnerbase.challenges import services
from partnerbase.directory import services as directory
from tests.factories import make_programme, make_user

OPENS = date(2017, 10, 2)
CLOSES = date(2017, 10, 20)
# Roles that act for an organisation in these tests (a working-group member too).
ACTING = {Role.CHAMPION, Role.PARTNER_CONTACT, Role.WORKING_GROUP_MEMBER, Role.INNOVATOR}


@dataclass
class World:
    actor: User
    programme: object
    orgs: dict = field(default_factory=dict)
    users: dict = field(default_factory=dict)
    proposals: list = field(default_factory=list)
    # The page tests vote today (the views use today's date); the service tests in 2017.
    opens_on: date = OPENS
    closes_on: date = CLOSES

    def kw(self):
        return {"actor": self.actor, "programme": self.programme}

    def org(self, name, **extra):
        self.orgs[name] = directory.organisation_create(
            **self.kw(), name=name, kind="business", **extra
        )
        return self.orgs[name]

    def seat(self, org_name, on=date(2017, 9, 1)):
        org = self.orgs[org_name]
        person = directory.person_create(**self.kw(), name=f"CEO of {org_name}", organisation=org)
        return champion_appoint(**self.kw(), person=person, organisation=org, term_starts_on=on)

    def user(self, role, org_name=None):
        user = make_user()
        org = self.orgs[org_name] if org_name else None
        membership_grant(
            actor=self.actor, user=user, programme=self.programme, role=role, organisation=org
        )
        return user

    def propose(self, title, org_name, on=date(2017, 9, 15)):
        proposal = services.proposal_create(
            **self.kw(),
            organisation=self.orgs[org_name],
            title=title,
            description=f"Why {title}",
            proposed_on=on,
        )
        self.proposals.append(proposal)
        return proposal

    def vote(self, *, method="ranked", electorate="partnership", seats=2, opened=True, **extra):
        opens_on = extra.pop("opens_on", self.opens_on)
        vote = services.vote_create(
            **self.kw(),
            title=extra.pop("title", "Choosing our areas"),
            electorate=electorate,
            method=method,
            seats=seats,
            opens_on=opens_on,
            closes_on=extra.pop("closes_on", self.closes_on),
            proposals=extra.pop("proposals", self.proposals),
        )
        if opened:
            services.vote_open(actor=self.actor, vote=vote, on=opens_on)
        return vote

    def cast(self, vote, org_name, *proposals, on=None):
        return services.ballot_cast(
            actor=self.actor,
            vote=vote,
            organisation=self.orgs[org_name],
            choices=list(proposals),
            on=on or vote.opens_on,
        )


def build_world(actor=None, slug=None) -> World:
    actor = actor or make_user(full_name="Tess Team")
    world = World(actor, make_programme(actor, slug=slug))
    world.org("Department", convenes_programme=True)
    for name in ("Alpha Bank", "Beta Retail", "Gamma Energy", "Delta Trust", "Innovator Ltd"):
        world.org(name)
    world.seat("Alpha Bank")
    world.seat("Beta Retail")
    world.users = {
        Role.TEAM: world.user(Role.TEAM),
        Role.CHAMPION: world.user(Role.CHAMPION, "Alpha Bank"),
        Role.PARTNER_CONTACT: world.user(Role.PARTNER_CONTACT, "Gamma Energy"),
        Role.WORKING_GROUP_MEMBER: world.user(Role.WORKING_GROUP_MEMBER, "Delta Trust"),
        Role.ACCELERATOR_MANAGER: world.user(Role.ACCELERATOR_MANAGER),
        Role.ASSESSOR: world.user(Role.ASSESSOR),
        Role.INNOVATOR: world.user(Role.INNOVATOR, "Innovator Ltd"),
    }
    world.propose("Financial inclusion", "Alpha Bank", date(2017, 9, 10))
    world.propose("Mental health at work", "Beta Retail", date(2017, 9, 11))
    world.propose("Transition to work", "Gamma Energy", date(2017, 9, 12))
    return world
