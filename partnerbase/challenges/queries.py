"""Reads of challenge areas, proposals and votes; callers check the permission first."""

from django.shortcuts import get_object_or_404

from partnerbase.directory.models import Organisation

from .models import Ballot, ChallengeArea, ChallengeProposal, ChallengeVote
from .services import PROPOSAL_ORDER


def area_list(*, programme):
    return ChallengeArea.objects.filter(programme=programme).select_related("vote")


def area_get(*, programme, slug: str) -> ChallengeArea:
    return get_object_or_404(
        ChallengeArea.objects.select_related("proposal__organisation", "vote"),
        programme=programme,
        slug=slug,
    )


def proposal_list(*, programme):
    return (
        ChallengeProposal.objects.filter(programme=programme)
        .select_related("organisation", "challenge_area")
        .order_by(*PROPOSAL_ORDER)
    )


def vote_list(*, programme):
    return ChallengeVote.objects.filter(programme=programme)


def vote_get(*, programme, uid) -> ChallengeVote:
    return get_object_or_404(ChallengeVote, programme=programme, uid=uid)


def vote_proposals(vote):
    """Candidates in the order the tie rule uses: the order they were proposed."""
    return list(vote.proposals.select_related("organisation").order_by(*PROPOSAL_ORDER))


def vote_ballots(vote):
    return list(Ballot.objects.filter(vote=vote).select_related("organisation", "cast_by"))


def recorded_ballots(vote) -> dict[int, str]:
    """Organisation id -> the history reason of its ballot, for ballots the team recorded
    on someone's behalf ("Recorded by Tess Team for Pat Jones of Barclays: ballot cast")."""
    latest = {}
    rows = Ballot.history.filter(vote_id=vote.pk).order_by("history_date", "history_id")
    for organisation_id, reason in rows.values_list("organisation_id", "history_change_reason"):
        latest[organisation_id] = reason or ""
    return {o: r for o, r in latest.items() if r.startswith("Recorded by ")}


def ballot_of(vote, organisation) -> Ballot | None:
    return Ballot.objects.filter(vote=vote, organisation=organisation).first()


def proposing_organisations(*, programme):
    """Organisations the team may propose for: any partner, not the convening ones."""
    return Organisation.objects.filter(programme=programme, convenes_programme=False).order_by(
        "name"
    )


def ballot_list(*, programme):
    return Ballot.objects.filter(vote__programme=programme).order_by("vote_id", "id")
