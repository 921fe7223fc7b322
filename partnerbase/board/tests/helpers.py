"""A small programme with a board: one seat, a meeting with a paper, a decision, an action."""

from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile

from partnerbase.accounts.models import Role
from partnerbase.board import services
from partnerbase.board.samples import small_pdf
from partnerbase.directory import services as directory
from tests.factories import Make, make_programme, make_user


def pdf_upload(name="paper.pdf", title="A board paper"):
    return SimpleUploadedFile(name, small_pdf(title, ["Line one"]), "application/pdf")


class Board:
    """Records in one programme: `seat` (a Champion), `meeting`, `paper`, `decision`,
    `action` (owned by the seat) and `other_action` (owned by another seat)."""

    def __init__(self, actor=None, *, slug=None):
        self.actor = actor or make_user()
        self.make = Make(self.actor, make_programme(self.actor, slug=slug))
        self.programme = self.make.programme
        self.org = self.make.org("Seat Holder plc", kind="business")
        self.other_org = self.make.org("Other Seat plc", kind="business")
        self.person = self.person_at(self.org, "Sam Seat")
        self.other_person = self.person_at(self.other_org, "Olu Other")
        kw = {"actor": self.actor, "programme": self.programme}
        self.seat = services.champion_appoint(
            **kw, person=self.person, organisation=self.org, term_starts_on=date(2017, 10, 2)
        )
        self.other_seat = services.champion_appoint(
            **kw,
            person=self.other_person,
            organisation=self.other_org,
            term_starts_on=date(2017, 10, 2),
        )
        self.meeting = services.meeting_create(
            **kw, held_on=date(2017, 11, 21), title="First meeting", agenda="Welcome"
        )
        self.paper = services.paper_upload(
            actor=self.actor, meeting=self.meeting, title="Terms", upload=pdf_upload()
        )
        self.decision = services.decision_record(
            actor=self.actor, meeting=self.meeting, kind="ambition", summary="Be ambitious"
        )
        self.action = services.action_record(
            actor=self.actor,
            meeting=self.meeting,
            description="Pledge resources",
            owner_champion=self.seat,
            due_on=date(2017, 12, 1),
        )
        self.other_action = services.action_record(
            actor=self.actor,
            meeting=self.meeting,
            description="Host a working group",
            owner_champion=self.other_seat,
            due_on=date(2017, 12, 1),
        )

    def person_at(self, organisation, name):
        return directory.person_create(
            actor=self.actor, programme=self.programme, name=name, organisation=organisation
        )

    def user(self, role):
        """A user with `role` here; a champion acts for the seat's organisation."""
        return self.make.user(role, self.org if role == Role.CHAMPION else None)
