"""The board (seats, meetings, papers, decisions, actions), champion targeting and
choosing challenge areas together (1.3)."""

from .fields import (
    Spec,
    by_uid,
    day,
    json,
    nested,
    ref,
    refs,
    rows,
    text,
    value,
)

SPECS = [
    Spec(
        "champions",
        "champion (board seat)",
        (
            ref("person", "people"),
            ref("organisation", "organisations"),
            text("role", "member"),
            day("term_starts_on"),
            day("term_ends_on"),
        ),
        model="board.Champion",
        service="board.services:champion_appoint",
        programme=True,
    ),
    Spec(
        "board_meetings",
        "board meeting",
        (day("held_on"), text("title"), text("agenda")),
        model="board.BoardMeeting",
        service="board.services:meeting_create",
        programme=True,
    ),
    Spec(
        # Metadata only: the file holds no bytes, so the record comes back without its file.
        "board_papers",
        "board paper",
        (
            ref("meeting", "board_meetings"),
            text("title"),
            text("filename", attr="original_filename", arg="original_filename"),
            value("size_bytes"),
            text("sha256"),
        ),
        model="board.BoardPaper",
        scope="meeting__programme",
        service="board.services:paper_restore",
    ),
    Spec(
        "decisions",
        "decision",
        (ref("meeting", "board_meetings"), text("kind"), text("summary"), text("detail")),
        model="board.Decision",
        scope="meeting__programme",
        service="board.services:decision_record",
    ),
    Spec(
        "actions",
        "action",
        (
            ref("meeting", "board_meetings"),
            ref("decision", "decisions"),
            text("description"),
            ref("owner_champion", "champions"),
            ref("owner_person", "people"),
            day("due_on"),
            text("status", "open"),
            day("done_on"),
        ),
        model="board.Action",
        scope="meeting__programme",
        service="board.services:action_record",
    ),
    Spec(
        "champion_criteria",
        "champion criterion",
        (text("name"), value("weight", 1), value("position")),
        model="champions.Criterion",
        service="champions.services:criterion_add",
        programme=True,
    ),
    Spec(
        # Replayed through the pipeline: added, scored, moved, committed to its seat.
        "champion_prospects",
        "champion prospect",
        (
            ref("person", "people"),
            ref("organisation", "organisations"),
            text("notes"),
            text("stage"),
            day("stage_changed_on"),
            ref("champion", "champions", one_to_one=True),
            rows(
                "scores",
                refs=(("criterion", "champion_criteria"),),
                write=lambda p: sorted(
                    ({"criterion": str(s.criterion.uid), "value": s.value} for s in p.scores.all()),
                    key=lambda s: s["criterion"],
                ),
            ),
            # In the order they happened: the importer replays them through the pipeline.
            nested(
                "stage_changes",
                Spec(
                    "champion_stage_changes",
                    "champion prospect's stage change",
                    (
                        text("from_stage", write=lambda c: c.from_stage or None),
                        text("to_stage"),
                        day("changed_on"),
                        text("note"),
                    ),
                    related="stage_changes",
                ),
            ),
            nested(
                "contacts",
                Spec(
                    "champion_contacts",
                    "contact with a champion prospect",
                    (ref("engagement", "engagements"),),
                    related="contacts",
                    order=by_uid,
                ),
            ),
        ),
        model="champions.Prospect",
        prefetch=("scores__criterion",),
        build="champions:champion_prospect",
    ),
    Spec(
        "challenge_proposals",
        "challenge proposal",
        (
            text("title"),
            text("description"),
            ref("organisation", "organisations"),
            day("proposed_on"),
        ),
        model="challenges.ChallengeProposal",
        service="challenges.services:proposal_create",
        programme=True,
    ),
    Spec(
        # Set up and opened; once its ballots are cast, its stored outcome is restored.
        "challenge_votes",
        "challenge vote",
        (
            text("title"),
            text("electorate"),
            text("method"),
            value("seats"),
            day("opens_on"),
            day("closes_on"),
            # Its outcome, restored once its ballots are cast.
            text("status", "draft", arg=None),
            day("opened_on", arg=None),
            day("closed_on", arg=None),
            day("adopted_on", arg=None),
            refs("proposals", "challenge_proposals"),
            refs("electors", "organisations", arg=None),
            json("result", arg=None),
            rows(
                "chosen_areas",
                arg=None,
                refs=(("challenge_area", "challenge_areas"), ("proposal", "challenge_proposals")),
                write=lambda v: sorted(
                    (
                        {
                            "challenge_area": str(a.uid),
                            "proposal": a.proposal and str(a.proposal.uid),
                        }
                        for a in v.challenge_areas.all()
                    ),
                    key=lambda row: row["challenge_area"],
                ),
            ),
        ),
        model="challenges.ChallengeVote",
        prefetch=("challenge_areas__proposal",),
        service="challenges.services:vote_create",
        programme=True,
        build="challenges:challenge_vote",
        finish="challenges:challenge_vote_outcome",
    ),
    Spec(
        "challenge_ballots",
        "challenge ballot",
        (
            ref("vote", "challenge_votes"),
            ref("organisation", "organisations"),
            day("cast_on", arg="on"),
            refs("choices", "challenge_proposals", write=lambda b: list(b.choices)),
        ),
        model="challenges.Ballot",
        scope="vote__programme",
        service="challenges.services:ballot_cast",
    ),
]
