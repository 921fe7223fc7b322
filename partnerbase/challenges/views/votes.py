"""Votes: set one up, open it, cast a ballot, close and count it, adopt its result."""

import uuid

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from partnerbase.core.errors import DomainError
from partnerbase.core.forms import add_service_error
from partnerbase.core.pages import form_page
from partnerbase.programmes.access import programme_for

from .. import services
from ..forms import (
    ApprovalBallotForm,
    RankedBallotForm,
    RecordedApprovalBallotForm,
    RecordedRankedBallotForm,
    VoteForm,
)
from ..models import VoteMethod, VoteStatus
from ..permissions import (
    can_manage_votes,
    can_record_ballot,
    can_view_votes,
    voting_organisations,
)
from ..queries import (
    ballot_of,
    proposal_list,
    recorded_ballots,
    vote_ballots,
    vote_get,
    vote_list,
    vote_proposals,
)
from ..results import result_view
from .common import NAV, posted, vote_url

ACTIONS = {
    # action -> (service, the status it needs, heading, button, success message)
    "open": (services.vote_open, VoteStatus.DRAFT, "Open the vote", "Open the vote",
             "The vote is open."),
    "close": (services.vote_close, VoteStatus.OPEN, "Close the vote and count the ballots",
              "Close and count", "The vote is closed and counted."),
    "adopt": (services.vote_adopt, VoteStatus.CLOSED, "Adopt the result",
              "Adopt the chosen areas", "The chosen proposals are now challenge areas."),
}  # fmt: skip


@require_GET
def vote_index(request, slug):
    programme = programme_for(request, slug, can_view_votes)
    return render(
        request,
        "challenges/vote_list.html",
        {
            "programme": programme,
            "votes": vote_list(programme=programme),
            "can_manage": can_manage_votes(request.user, programme),
            "nav_current": NAV,
        },
    )


@require_http_methods(["GET", "POST"])
def vote_add(request, slug):
    programme = programme_for(request, slug, can_manage_votes)
    form = VoteForm(posted(request), proposals=proposal_list(programme=programme))
    return form_page(
        request,
        "challenges/vote_form.html",
        {"programme": programme},
        form,
        lambda data: services.vote_create(actor=request.user, programme=programme, **data),
        lambda vote: f"{vote.title} set up. Open it when voting should start.",
        vote_url,
        nav=NAV,
    )


@require_GET
def vote_detail(request, slug, uid):
    programme = programme_for(request, slug, can_view_votes)
    vote = vote_get(programme=programme, uid=uid)
    ballots = vote_ballots(vote)
    can_manage = can_manage_votes(request.user, programme)
    electors = list(vote.electors.order_by("name"))
    # The team sees which ballots it recorded for someone: "Recorded by … for …".
    recorded = recorded_ballots(vote) if can_manage else {}
    for organisation in electors:
        organisation.recorded_note = recorded.get(organisation.pk, "")
    return render(
        request,
        "challenges/vote_detail.html",
        {
            "programme": programme,
            "vote": vote,
            "proposals": vote_proposals(vote),
            "electors": electors,
            "voted": {b.organisation_id for b in ballots},
            "ballots": ballots,
            "can_manage": can_manage,
            "can_record": can_record_ballot(request.user, vote),
            "may_vote_for": voting_organisations(request.user, vote),
            "nav_current": NAV,
        },
    )


@require_http_methods(["GET", "POST"])
def vote_action(request, slug, uid, action):
    programme = programme_for(request, slug, can_manage_votes)
    vote = vote_get(programme=programme, uid=uid)
    if action not in ACTIONS:
        raise Http404
    service, needs, heading, button, success = ACTIONS[action]
    form = forms.Form(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            service(actor=request.user, vote=vote)
        except (DomainError, ValidationError) as exc:
            add_service_error(form, exc)
            vote.refresh_from_db()
        else:
            messages.success(request, success)
            return redirect(vote_url(vote, "vote_results" if action != "open" else "vote_detail"))
    return render(
        request,
        "challenges/vote_action.html",
        {
            "programme": programme,
            "vote": vote,
            "form": form,
            "action": action,
            "heading": heading,
            "button": button,
            "ready": vote.status == needs,
            "result": result_view(vote),
            "nav_current": NAV,
        },
    )


@require_http_methods(["GET", "POST"])
def ballot(request, slug, uid):
    programme = programme_for(request, slug, can_view_votes)
    vote = vote_get(programme=programme, uid=uid)
    mine = voting_organisations(request.user, vote)
    if not mine:
        raise PermissionDenied
    # A user acting for several organisations on the roll picks one with ?for=<uid>.
    chosen = request.GET.get("for")
    organisation = next((o for o in mine if str(o.uid) == chosen), mine[0])
    proposals = vote_proposals(vote)
    form_class = RankedBallotForm if vote.method == VoteMethod.RANKED else ApprovalBallotForm
    form = form_class(posted(request), vote=vote, proposals=proposals)
    existing = ballot_of(vote, organisation)
    return form_page(
        request,
        "challenges/ballot_form.html",
        {
            "programme": programme,
            "vote": vote,
            "organisation": organisation,
            "organisations": mine,
            "existing": existing,
            "proposals": proposals,
            "existing_titles": _titles(existing, proposals),
        },
        form,
        lambda data: services.ballot_cast(
            actor=request.user,
            vote=vote,
            organisation=organisation,
            choices=form.ordered_choices(),
        ),
        lambda b: f"Ballot {'replaced' if existing else 'cast'} for {organisation.name}.",
        vote_url(vote),
        nav=NAV,
    )


@require_http_methods(["GET", "POST"])
def ballot_record(request, slug, uid):
    """The team records a ballot sent by email, for an organisation on the roll whose voter
    has no account; the history says who recorded it for whom."""
    programme = programme_for(request, slug, can_manage_votes)
    vote = vote_get(programme=programme, uid=uid)
    if not can_record_ballot(request.user, vote):
        raise PermissionDenied
    proposals = vote_proposals(vote)
    form_class = (
        RecordedRankedBallotForm if vote.method == VoteMethod.RANKED else RecordedApprovalBallotForm
    )
    form = form_class(
        posted(request),
        vote=vote,
        proposals=proposals,
        electors=vote.electors.order_by("name"),
        initial={"organisation": _elector(vote, request.GET.get("for"))},
    )

    def save(data):
        return services.ballot_record(
            actor=request.user,
            vote=vote,
            organisation=data["organisation"],
            choices=form.ordered_choices(),
            cast_by_name=data["cast_by_name"],
        )

    return form_page(
        request,
        "challenges/ballot_record.html",
        {"programme": programme, "vote": vote, "proposals": proposals},
        form,
        save,
        lambda b: f"Ballot recorded for {b.organisation.name}.",
        vote_url(vote),
        nav=NAV,
    )


def _elector(vote, uid):
    """The organisation on the roll with this uid (?for=<uid>, from the roll), if any."""
    try:
        return vote.electors.filter(uid=uuid.UUID(uid or "")).first()
    except ValueError:
        return None


def _titles(ballot, proposals) -> list[str]:
    if ballot is None:
        return []
    by_uid = {str(p.uid): p.title for p in proposals}
    return [by_uid.get(u, u) for u in ballot.choices]


@require_GET
def vote_results(request, slug, uid):
    programme = programme_for(request, slug, can_view_votes)
    vote = vote_get(programme=programme, uid=uid)
    if vote.result is None:
        raise Http404("This vote has not been counted yet.")
    return render(
        request,
        "challenges/vote_results.html",
        {
            "programme": programme,
            "vote": vote,
            "result": result_view(vote),
            "areas": list(vote.challenge_areas.all()),
            "can_manage": can_manage_votes(request.user, programme),
            "nav_current": NAV,
        },
    )
