"""A challenge vote (1.3): it is set up and opened with
the roll the file records, its ballots are cast, and then its outcome (the stored count, the
dates and the areas it chose) is restored as the file has it: the count is the record of
what was decided, so it is kept, not recounted."""

from partnerbase.challenges import services as challenges
from partnerbase.challenges.models import VoteStatus
from partnerbase.core.errors import DomainError
from partnerbase.core.history import record_save

from ..spec import by_name
from .base import file_date as _date
from .generic import create


def challenge_vote(imp, r: dict):
    vote = create(imp, by_name("challenge_votes"), r)
    if r.get("status", VoteStatus.DRAFT) != VoteStatus.DRAFT:
        electors = [imp.ref(x) for x in r.get("electors", [])]
        challenges.vote_open(
            actor=imp.actor, vote=vote, on=_date(r, "opened_on"), electors=electors
        )
    return vote


def challenge_vote_outcome(imp, r: dict):
    """After the ballots: the count, close and adoption as the file records them."""
    vote = imp.ref(r["id"])
    status = r.get("status", VoteStatus.DRAFT)
    if status in (VoteStatus.DRAFT, VoteStatus.OPEN):
        return vote
    if not r.get("result"):
        raise DomainError("A closed vote needs its result.", field="result")
    vote.status, vote.result = status, r["result"]
    vote.closed_on, vote.adopted_on = _date(r, "closed_on"), _date(r, "adopted_on")
    record_save(vote, actor=imp.actor, reason="Outcome restored from a file")
    for link in r.get("chosen_areas", []):
        area, proposal = imp.ref(link["challenge_area"]), imp.ref(link["proposal"])
        if proposal.pk not in {p.pk for p in vote.proposals.all()}:
            raise DomainError(f"{proposal} was not in this vote.", field="chosen_areas")
        area.proposal, area.vote = proposal, vote
        record_save(area, actor=imp.actor, reason="Chosen by vote")
    return vote
