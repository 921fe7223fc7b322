"""Choosing challenges' filters: areas, proposals, votes and ballots."""

from partnerbase.core.filters import list_filter

from .models import Ballot, ChallengeArea, ChallengeProposal, ChallengeVote

ChallengeAreaFilter = list_filter(ChallengeArea, search=("name", "description"))
ChallengeProposalFilter = list_filter(
    ChallengeProposal,
    search=("title", "description", "organisation__name"),
    ids=("organisation",),
    dates=("proposed_on",),
)
ChallengeVoteFilter = list_filter(
    ChallengeVote,
    search=("title",),
    choices=("status", "method"),
    dates=("opens_on", "closes_on"),
)
BallotFilter = list_filter(Ballot, ids=("vote", "organisation"), dates=("cast_on",))
