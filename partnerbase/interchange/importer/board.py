"""Creating the board's seats, meetings, papers (metadata only), decisions and actions."""

from partnerbase.board import services as board

from .base import file_date as _date


class BoardSteps:
    def board_champion(self, r: dict):
        return board.champion_appoint(
            **self.common(r),
            programme=self.programme,
            person=self.ref(r["person"]),
            organisation=self.ref(r["organisation"]),
            role=r.get("role", "member"),
            term_starts_on=_date(r, "term_starts_on"),
            term_ends_on=_date(r, "term_ends_on"),
        )

    def board_meeting(self, r: dict):
        return board.meeting_create(
            **self.common(r),
            programme=self.programme,
            held_on=_date(r, "held_on"),
            title=r["title"],
            agenda=r.get("agenda", ""),
        )

    def board_paper(self, r: dict):
        # The file holds no bytes: the record comes back without its file.
        return board.paper_restore(
            **self.common(r),
            meeting=self.ref(r["meeting"]),
            title=r["title"],
            original_filename=r["filename"],
            size_bytes=r["size_bytes"],
            sha256=r["sha256"],
        )

    def board_decision(self, r: dict):
        return board.decision_record(
            **self.common(r),
            meeting=self.ref(r["meeting"]),
            kind=r["kind"],
            summary=r["summary"],
            detail=r.get("detail", ""),
        )

    def board_action(self, r: dict):
        return board.action_record(
            **self.common(r),
            meeting=self.ref(r["meeting"]),
            decision=self.ref(r.get("decision")),
            description=r["description"],
            owner_champion=self.ref(r.get("owner_champion")),
            owner_person=self.ref(r.get("owner_person")),
            due_on=_date(r, "due_on"),
            status=r.get("status", "open"),
            done_on=_date(r, "done_on"),
        )
