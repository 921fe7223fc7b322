"""Choosing challenge areas together: proposals, votes (with their stored result) and
ballots (1.3)."""

from partnerbase.challenges.models import Ballot, ChallengeArea, ChallengeProposal, ChallengeVote
from partnerbase.programmes.models import Programme

from ..format import date_text, id_text, json_value, sorted_by_id


def challenge_proposals(p: Programme) -> list[dict]:
    rows = ChallengeProposal.objects.filter(programme=p).select_related("organisation")
    return sorted_by_id(
        {
            "id": str(x.uid),
            "title": x.title,
            "description": x.description,
            "organisation": id_text(x.organisation),
            "proposed_on": date_text(x.proposed_on),
            "illustrative": x.illustrative,
        }
        for x in rows
    )


def _chosen_areas(vote: ChallengeVote, areas: list[ChallengeArea]) -> list[dict]:
    rows = [
        {"challenge_area": str(a.uid), "proposal": id_text(a.proposal)}
        for a in areas
        if a.vote_id == vote.pk
    ]
    return sorted(rows, key=lambda row: row["challenge_area"])


def challenge_votes(p: Programme) -> list[dict]:
    votes = ChallengeVote.objects.filter(programme=p).prefetch_related("proposals", "electors")
    areas = list(
        ChallengeArea.objects.filter(programme=p, vote__isnull=False).select_related("proposal")
    )
    return sorted_by_id(
        {
            "id": str(v.uid),
            "title": v.title,
            "electorate": v.electorate,
            "method": v.method,
            "seats": v.seats,
            "opens_on": date_text(v.opens_on),
            "closes_on": date_text(v.closes_on),
            "status": v.status,
            "opened_on": date_text(v.opened_on),
            "closed_on": date_text(v.closed_on),
            "adopted_on": date_text(v.adopted_on),
            "proposals": sorted(str(x.uid) for x in v.proposals.all()),
            "electors": sorted(str(o.uid) for o in v.electors.all()),
            "result": json_value(v.result),
            "chosen_areas": _chosen_areas(v, areas),
            "illustrative": v.illustrative,
        }
        for v in votes
    )


def challenge_ballots(p: Programme) -> list[dict]:
    rows = Ballot.objects.filter(vote__programme=p).select_related("vote", "organisation")
    return sorted_by_id(
        {
            "id": str(b.uid),
            "vote": id_text(b.vote),
            "organisation": id_text(b.organisation),
            "cast_on": date_text(b.cast_on),
            "choices": list(b.choices),
            "illustrative": b.illustrative,
        }
        for b in rows
    )
