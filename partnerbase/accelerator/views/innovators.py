"""An innovator's own page, recording a milestone's evidence, and downloading it."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from partnerbase.brokering.permissions import can_view_my_introductions
from partnerbase.core.forms import opened
from partnerbase.core.history import history_entries
from partnerbase.core.pages import saved
from partnerbase.core.uploads import download_response
from partnerbase.programmes.access import programme_for, visible

from .. import queries, services
from ..forms import EvidenceForm
from ..permissions import (
    can_download_evidence,
    can_manage_accelerator,
    can_record_evidence,
    can_view_innovator,
    can_view_own_page,
)
from .common import context


@require_GET
def mine(request, slug):
    """The signed-in innovator's page; with no cohort place yet, their applications."""
    programme = programme_for(request, slug, can_view_own_page)
    places = list(queries.own_memberships(user=request.user, programme=programme))
    if len(places) == 1:
        return redirect("accelerator:innovator", programme.slug, places[0].uid)
    return render(
        request,
        "accelerator/mine.html",
        context(
            programme,
            places=places,
            applications=queries.own_applications(user=request.user, programme=programme),
        ),
    )


@require_GET
def innovator(request, slug, uid):
    programme = programme_for(request, slug, lambda u, p: True)
    membership = queries.membership_get(programme=programme, uid=uid)
    visible(can_view_innovator(request.user, membership))
    manager = can_manage_accelerator(request.user, programme)
    return render(
        request,
        "accelerator/innovator.html",
        context(
            programme,
            membership=membership,
            manager=manager,
            may_see_introductions=can_view_my_introductions(request.user, programme),
            **queries.innovator_page(membership=membership),
        ),
    )


@require_http_methods(["GET", "POST"])
def evidence(request, slug, uid):
    programme = programme_for(request, slug, lambda u, p: True)
    milestone = queries.milestone_get(programme=programme, uid=uid)
    visible(can_record_evidence(request.user, milestone))
    form = opened(
        EvidenceForm(
            request.POST or None,
            request.FILES or None,
            initial={
                "status": milestone.status,
                "achieved_on": milestone.achieved_on,
                "evidence": milestone.evidence,
            },
        ),
        milestone,
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        if saved(
            form,
            lambda: services.milestone_evidence_record(
                actor=request.user,
                milestone=milestone,
                status=data["status"],
                evidence=data["evidence"],
                upload=data["evidence_file"],
                achieved_on=data["achieved_on"],
            ),
        ):
            messages.success(request, f"Evidence recorded for “{milestone.title}”.")
            return redirect("accelerator:innovator", programme.slug, milestone.membership.uid)
    return render(
        request,
        "accelerator/evidence_form.html",
        context(
            programme,
            milestone=milestone,
            membership=milestone.membership,
            form=form,
            history=history_entries(milestone),
        ),
    )


@require_GET
def evidence_file(request, slug, uid):
    programme = programme_for(request, slug, lambda u, p: True)
    milestone = queries.milestone_get(programme=programme, uid=uid)
    visible(can_download_evidence(request.user, milestone))
    if not milestone.evidence_file:
        raise Http404("No file")
    return download_response(milestone.evidence_file, filename=milestone.evidence_filename)
