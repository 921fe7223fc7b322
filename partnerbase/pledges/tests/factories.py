"""A small programme with two partner organisations, a board seat and users for each role."""

from datetime import date
from decimal import Decimal

from partnerbase.accounts.models import Role
from partnerbase.accounts.services import membership_grant
from partnerbase.board.models import BoardMeeting, Decision
from partnerbase.board.services import champion_appoint
from partnerbase.challenges.services import challenge_area_create
from partnerbase.directory.services import person_create
from partnerbase.pledges import services
from tests.factories import ORGANISATION_ROLES, Make, make_programme, make_user

PLEDGED_ON = date(2017, 11, 1)


class World:
    """Alpha programme: two partner organisations ("ours" and "theirs"), a challenge area,
    a project, a board decision and a champion's board seat at "ours"."""

    def __init__(self, slug="alpha"):
        self.team = make_user()
        self.programme = make_programme(self.team, name=f"{slug.title()} Programme", slug=slug)
        membership_grant(actor=self.team, user=self.team, programme=self.programme, role=Role.TEAM)
        self.make = Make(self.team, self.programme)
        self.ours = self.make.org("Our Bank plc", kind="business")
        self.theirs = self.make.org("Their Retail plc", kind="business")
        self.challenge = challenge_area_create(
            actor=self.team,
            programme=self.programme,
            name="Financial inclusion",
            slug="financial-inclusion",
        )
        self.project = self.make.project()
        person = person_create(
            actor=self.team, programme=self.programme, name="Cara Chief", organisation=self.ours
        )
        self.seat = champion_appoint(
            actor=self.team,
            programme=self.programme,
            person=person,
            organisation=self.ours,
            term_starts_on=date(2017, 10, 1),
        )
        meeting = BoardMeeting.objects.create(
            programme=self.programme, held_on=date(2017, 10, 20), title="First board"
        )
        self.decision = Decision.objects.create(
            meeting=meeting, kind="agreed_work", summary="Each champion pledges"
        )

    def user(self, role, organisation=None):
        """A user with `role`, acting for `organisation` (default: ours) if the role needs one."""
        if role in ORGANISATION_ROLES:
            return self.make.user(role, organisation or self.ours)
        return self.make.user(role)

    def pledge(self, organisation=None, **kw):
        values = {
            "kind": "work_placements",
            "title": "Work placements for young people",
            "quantity": Decimal(10),
            "unit": "placements",
            "estimated_value": Decimal("1000"),
            "pledged_on": PLEDGED_ON,
        } | kw
        return services.pledge_record(
            actor=self.team,
            programme=self.programme,
            organisation=organisation or self.ours,
            **values,
        )

    def confirmed(self, **kw):
        return services.pledge_confirm(actor=self.team, pledge=self.pledge(**kw), on=PLEDGED_ON)
