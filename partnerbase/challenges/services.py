from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from partnerbase.accounts.models import Membership, Role
from partnerbase.board.models import Champion
from partnerbase.core.errors import DomainError
from partnerbase.core.history import on_behalf_of, record_save, recorded_reason
from partnerbase.core.services import same_programme
from partnerbase.directory.models import Organisation

from . import voting
from .models import (
    Ballot,
    ChallengeArea,
    ChallengeProposal,
    ChallengeVote,
    Electorate,
    VoteMethod,
    VoteStatus,
)

# Roles whose organisation belongs to the partnership (and may propose and vote for it).
MEMBER_ROLES = (Role.CHAMPION, Role.PARTNER_CONTACT, Role.WORKING_GROUP_MEMBER)
# The tie rule's order: when proposed, then title (not database ids, which an import renumbers).
PROPOSAL_ORDER = ("proposed_on", "title", "uid")
COUNTING = {VoteMethod.APPROVAL: voting.APPROVAL, VoteMethod.RANKED: voting.SCHULZE}


@transaction.atomic
def challenge_area_create(
    *,
    actor,
    programme,
    name: str,
    description: str = "",
    slug: str = "",
    proposal: ChallengeProposal | None = None,
    vote: ChallengeVote | None = None,
    illustrative: bool = False,
    uid=None,
) -> ChallengeArea:
    same_programme(programme, proposal=proposal, vote=vote)
    slug = slug or slugify(name)[:80]
    if ChallengeArea.objects.filter(programme=programme, slug=slug).exists():
        raise DomainError(f"The programme already has a challenge area {slug!r}.", field="name")
    area = ChallengeArea(
        programme=programme,
        name=name,
        slug=slug,
        description=description,
        proposal=proposal,
        vote=vote,
        illustrative=illustrative,
    )
    return record_save(area, uid=uid, actor=actor, reason="Challenge area created")


def _today(on: date | None) -> date:
    return on or timezone.localdate()


@transaction.atomic
def proposal_create(
    *,
    actor,
    programme,
    organisation: Organisation,
    title: str,
    description: str = "",
    proposed_on: date | None = None,
    illustrative: bool = False,
    uid=None,
) -> ChallengeProposal:
    same_programme(programme, organisation=organisation)
    proposal = ChallengeProposal(
        programme=programme,
        organisation=organisation,
        title=title.strip(),
        description=description,
        proposed_on=_today(proposed_on),
        proposed_by=actor if getattr(actor, "is_authenticated", False) else None,
        illustrative=illustrative,
    )
    return record_save(proposal, uid=uid, actor=actor, reason="Challenge area proposed")


def electorate_for(programme, electorate: str, on: date) -> list[Organisation]:
    """Who may vote. The board: organisations with a seat on the day. The partnership: those,
    and every organisation a champion, partner contact or working-group member acts for
    (Membership.organisation), the convening organisations excepted."""
    seated = Champion.objects.filter(programme=programme, term_starts_on__lte=on).exclude(
        term_ends_on__lt=on
    )
    ids = set(seated.values_list("organisation_id", flat=True))
    if electorate == Electorate.PARTNERSHIP:
        ids |= set(
            Membership.objects.filter(
                programme=programme, role__in=MEMBER_ROLES, organisation__isnull=False
            ).values_list("organisation_id", flat=True)
        )
    return list(Organisation.objects.filter(pk__in=ids, convenes_programme=False).order_by("name"))


@transaction.atomic
def vote_create(
    *,
    actor,
    programme,
    title: str,
    electorate: str,
    method: str,
    seats: int,
    opens_on: date,
    closes_on: date,
    proposals,
    illustrative: bool = False,
    uid=None,
) -> ChallengeVote:
    proposals = list(proposals)
    for proposal in proposals:
        same_programme(programme, proposals=proposal)
    if len(proposals) < 2:
        raise DomainError("Choose at least two proposals to vote on.", field="proposals")
    if seats and seats >= len(proposals):
        raise DomainError(
            f"Choose fewer areas than there are proposals ({len(proposals)}).", field="seats"
        )
    vote = ChallengeVote(
        programme=programme,
        title=title,
        electorate=electorate,
        method=method,
        seats=seats,
        opens_on=opens_on,
        closes_on=closes_on,
        illustrative=illustrative,
    )
    record_save(vote, uid=uid, actor=actor, reason="Vote set up")
    vote.proposals.set(proposals)
    return vote


@transaction.atomic
def vote_open(*, actor, vote: ChallengeVote, on: date | None = None, electors=None):
    """Open the vote and fix its roll: computed from the electorate on the day, unless given
    (the importer passes the roll the file recorded)."""
    on = _today(on)
    if vote.status != VoteStatus.DRAFT:
        raise DomainError("This vote has already been opened.")
    if on < vote.opens_on:
        raise DomainError(f"This vote is set to open on {vote.opens_on:%-d %B %Y}.")
    if on > vote.closes_on:
        raise DomainError(f"This vote was due to close on {vote.closes_on:%-d %B %Y}.")
    roll = electorate_for(vote.programme, vote.electorate, on) if electors is None else electors
    roll = list(roll)
    for organisation in roll:
        same_programme(vote.programme, electors=organisation)
    if not roll:
        raise DomainError(f"Nobody can vote: {vote.get_electorate_display().lower()} is empty.")
    vote.status, vote.opened_on = VoteStatus.OPEN, on
    record_save(vote, actor=actor, reason="Vote opened")
    vote.electors.set(roll)
    return vote


def _choices_checked(vote: ChallengeVote, choices) -> list[str]:
    choices = list(choices)
    if not choices:
        raise DomainError(
            "Rank at least one challenge area"
            if vote.method == VoteMethod.RANKED
            else "Choose at least one challenge area",
            field="choices",
        )
    allowed = set(vote.proposals.values_list("pk", flat=True))
    if any(p.pk not in allowed for p in choices):
        raise DomainError("Choose only proposals in this vote.", field="choices")
    if len({p.pk for p in choices}) != len(choices):
        raise DomainError("Each challenge area can be ranked only once.", field="choices")
    return [str(p.uid) for p in choices]


@transaction.atomic
def ballot_cast(
    *,
    actor,
    vote: ChallengeVote,
    organisation: Organisation,
    choices,
    on: date | None = None,
    illustrative: bool = False,
    uid=None,
    recorded_for: str = "",
) -> Ballot:
    """Cast `organisation`'s ballot: the proposals it approves (approval) or best first
    (ranked). One ballot per organisation: casting again before the close replaces it.
    `recorded_for` names whom the actor casts it for, when it is not their own ballot."""
    on = _today(on)
    if vote.status != VoteStatus.OPEN:
        raise DomainError("This vote is not open.")
    if on > vote.closes_on:
        raise DomainError(f"Voting closed on {vote.closes_on:%-d %B %Y}.")
    if not vote.electors.filter(pk=organisation.pk).exists():
        raise DomainError(f"{organisation} is not on this vote's roll.", field="organisation")
    uids = _choices_checked(vote, choices)
    ballot = Ballot.objects.filter(vote=vote, organisation=organisation).first()
    reason = "Ballot replaced" if ballot else "Ballot cast"
    ballot = ballot or Ballot(vote=vote, organisation=organisation, illustrative=illustrative)
    ballot.choices, ballot.cast_on = uids, on
    ballot.cast_by = actor if getattr(actor, "is_authenticated", False) else None
    reason = recorded_reason(reason, actor=actor, recorded_for=recorded_for)
    return record_save(ballot, uid=uid, actor=actor, reason=reason)


@transaction.atomic
def ballot_record(
    *,
    actor,
    vote: ChallengeVote,
    organisation: Organisation,
    choices,
    on: date | None = None,
    cast_by_name: str = "",
) -> Ballot:
    """The team records a ballot sent by email for an organisation on the roll whose voter
    has no account; `cast_by_name` names them, if known. The history says "Recorded by
    <actor> for <person> of <organisation>"."""
    return ballot_cast(
        actor=actor,
        vote=vote,
        organisation=organisation,
        choices=choices,
        on=on,
        recorded_for=on_behalf_of(cast_by_name, organisation),
    )


def vote_count(vote: ChallengeVote) -> voting.Result:
    """Count the ballots cast so far; proposals are candidates in the order they were made,
    which is the tie rule's order."""
    candidates = [
        str(u) for u in vote.proposals.order_by(*PROPOSAL_ORDER).values_list("uid", flat=True)
    ]
    ballots = [b.choices for b in vote.ballots.order_by("id")]
    return voting.count(COUNTING[vote.method], candidates, ballots, vote.seats)


@transaction.atomic
def vote_close(*, actor, vote: ChallengeVote, on: date | None = None) -> ChallengeVote:
    if vote.status != VoteStatus.OPEN:
        raise DomainError("Only an open vote can be closed.")
    if not vote.ballots.exists():
        raise DomainError("No ballots have been cast yet.")
    vote.result = vote_count(vote).as_dict()
    vote.status, vote.closed_on = VoteStatus.CLOSED, _today(on)
    return record_save(vote, actor=actor, reason="Vote closed and counted")


@transaction.atomic
def vote_adopt(
    *, actor, vote: ChallengeVote, on: date | None = None, areas: dict | None = None
) -> list[ChallengeArea]:
    """Make the chosen proposals the programme's challenge areas, each linked to its proposal
    and this vote. `areas` maps a proposal uid to the slug and uid its area should have (the
    demo's stable ids) or to an existing area to link (the importer)."""
    if vote.status != VoteStatus.CLOSED:
        raise DomainError("Only a closed vote's result can be adopted.")
    areas = areas or {}
    made = []
    for proposal_uid in vote.result["winners"]:
        proposal = vote.proposals.get(uid=proposal_uid)
        given = areas.get(proposal_uid) or areas.get(proposal.uid) or {}
        if not isinstance(given, ChallengeArea):
            given = {"illustrative": vote.illustrative, **given}
        if isinstance(given, ChallengeArea):
            same_programme(vote.programme, area=given)
            given.proposal, given.vote = proposal, vote
            made.append(record_save(given, actor=actor, reason="Chosen by vote"))
            continue
        made.append(
            challenge_area_create(
                actor=actor,
                programme=vote.programme,
                name=proposal.title,
                description=proposal.description,
                proposal=proposal,
                vote=vote,
                **given,
            )
        )
    vote.status, vote.adopted_on = VoteStatus.ADOPTED, _today(on)
    record_save(vote, actor=actor, reason="Result adopted")
    return made
