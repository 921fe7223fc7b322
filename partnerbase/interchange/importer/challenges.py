"""Creating challenge proposals, votes and ballots (1.3). A vote is set up and opened with
the roll the file records, its ballots are cast, and then its outcome (the stored count, the
dates and the areas it chose) is restored as the file has it: the count is the record of
what was decided, so it is kept, not recounted."""

from partnerbase.challenges import services as challenges
from partnerbase.challenges.models import VoteStatus
from partnerbase.core.errors import DomainError
from partnerbase.core.history import record_save

from .base import file_date as _date


class ChallengeSteps:
    def challenge_proposal(self, r: dict):
        return challenges.proposal_create(
            **self.common(r),
            programme=self.programme,
            organisation=self.ref(r["organisation"]),
            title=r["title"],
            description=r.get("description", ""),
            proposed_on=_date(r, "proposed_on"),
        )

    def challenge_vote(self, r: dict):
        vote = challenges.vote_create(
            **self.common(r),
            programme=self.programme,
            title=r["title"],
            electorate=r["electorate"],
            method=r["method"],
            seats=r["seats"],
            opens_on=_date(r, "opens_on"),
            closes_on=_date(r, "closes_on"),
            proposals=[self.ref(x) for x in r["proposals"]],
        )
        if r.get("status", VoteStatus.DRAFT) != VoteStatus.DRAFT:
            challenges.vote_open(
                actor=self.actor,
                vote=vote,
                on=_date(r, "opened_on"),
                electors=[self.ref(x) for x in r.get("electors", [])],
            )
        return vote

    def challenge_ballot(self, r: dict):
        return challenges.ballot_cast(
            **self.common(r),
            vote=self.ref(r["vote"]),
            organisation=self.ref(r["organisation"]),
            choices=[self.ref(x) for x in r["choices"]],
            on=_date(r, "cast_on"),
        )

    def challenge_vote_outcome(self, r: dict):
        """After the ballots: the count, close and adoption as the file records them."""
        vote = self.ref(r["id"])
        status = r.get("status", VoteStatus.DRAFT)
        if status in (VoteStatus.DRAFT, VoteStatus.OPEN):
            return vote
        if not r.get("result"):
            raise DomainError("A closed vote needs its result.", field="result")
        vote.status, vote.result = status, r["result"]
        vote.closed_on, vote.adopted_on = _date(r, "closed_on"), _date(r, "adopted_on")
        record_save(vote, actor=self.actor, reason="Outcome restored from a file")
        for link in r.get("chosen_areas", []):
            area, proposal = self.ref(link["challenge_area"]), self.ref(link["proposal"])
            if proposal.pk not in {p.pk for p in vote.proposals.all()}:
                raise DomainError(f"{proposal} was not in this vote.", field="chosen_areas")
            area.proposal, area.vote = proposal, vote
            record_save(area, actor=self.actor, reason="Chosen by vote")
        return vote
