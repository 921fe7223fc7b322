"""Challenge areas and proposals: the areas the programme chose, and what partners propose."""

from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from partnerbase.accounts.permissions import can_manage_programme
from partnerbase.core.pages import form_page
from partnerbase.programmes.access import programme_for

from .. import services
from ..forms import ProposalForm
from ..permissions import (
    acting_organisations,
    can_manage_votes,
    can_propose_challenge,
    can_view_challenge_areas,
    can_view_votes,
)
from ..queries import area_get, area_list, proposal_list, proposing_organisations
from ..results import area_counts
from .common import NAV, posted


@require_GET
def area_index(request, slug):
    programme = programme_for(request, slug, can_view_challenge_areas)
    return render(
        request,
        "challenges/area_list.html",
        {
            "programme": programme,
            "areas": area_list(programme=programme),
            "can_view_votes": can_view_votes(request.user, programme),
            "nav_current": NAV,
        },
    )


@require_GET
def area_detail(request, slug, area_slug):
    programme = programme_for(request, slug, can_view_challenge_areas)
    area = area_get(programme=programme, slug=area_slug)
    return render(
        request,
        "challenges/area_detail.html",
        {
            "programme": programme,
            "area": area,
            "counts": area_counts(area),
            "can_view_votes": can_view_votes(request.user, programme),
            "nav_current": NAV,
        },
    )


@require_GET
def proposal_index(request, slug):
    programme = programme_for(request, slug, can_view_votes)
    return render(
        request,
        "challenges/proposal_list.html",
        {
            "programme": programme,
            "proposals": proposal_list(programme=programme),
            "can_propose": can_propose_challenge(request.user, programme),
            "can_manage": can_manage_votes(request.user, programme),
            "nav_current": NAV,
        },
    )


@require_http_methods(["GET", "POST"])
def proposal_add(request, slug):
    programme = programme_for(request, slug, can_propose_challenge)
    # The team may enter a proposal for any partner; members propose for their own.
    if can_manage_programme(request.user, programme):
        organisations = proposing_organisations(programme=programme)
    else:
        mine = [o.pk for o in acting_organisations(request.user, programme)]
        organisations = proposing_organisations(programme=programme).filter(pk__in=mine)
    form = ProposalForm(posted(request), organisations=organisations)
    return form_page(
        request,
        "challenges/proposal_form.html",
        {"programme": programme},
        form,
        lambda data: services.proposal_create(actor=request.user, programme=programme, **data),
        lambda p: f"{p.title} proposed.",
        reverse("challenges:proposal_list", args=[programme.slug]),
        nav=NAV,
    )
