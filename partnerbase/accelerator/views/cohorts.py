"""The accelerator's home, a cohort's page and an innovator's status."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from partnerbase.calls.queries import call_list
from partnerbase.core.errors import DomainError
from partnerbase.core.forms import add_service_error, opened
from partnerbase.programmes.access import programme_for

from .. import queries, services
from ..forms import MembershipStatusForm
from ..models import MembershipStatus
from ..permissions import can_manage_accelerator, can_view_own_page
from .common import context


def _may_open(user, programme) -> bool:
    return can_manage_accelerator(user, programme) or can_view_own_page(user, programme)


@require_GET
def home(request, slug):
    programme = programme_for(request, slug, _may_open)
    if not can_manage_accelerator(request.user, programme):
        # An innovator's accelerator is their own page.
        return redirect("accelerator:mine", programme.slug)
    return render(
        request,
        "accelerator/home.html",
        context(
            programme,
            accelerators=queries.accelerator_list(programme=programme),
            calls=call_list(programme=programme),
            cohorts=queries.cohort_list(programme=programme),
        ),
    )


@require_GET
def cohort(request, slug, uid):
    programme = programme_for(request, slug, can_manage_accelerator)
    cohort = queries.cohort_get(programme=programme, uid=uid)
    milestones = list(queries.cohort_milestones(cohort=cohort))
    return render(
        request,
        "accelerator/cohort.html",
        context(
            programme,
            cohort=cohort,
            memberships=queries.memberships(cohort=cohort),
            sessions=queries.sessions(cohort=cohort),
            overdue=[m for m in milestones if m.overdue],
            milestone_count=len(milestones),
            achieved_count=sum(m.status == "achieved" for m in milestones),
        ),
    )


@require_http_methods(["GET", "POST"])
def membership_status(request, slug, uid):
    programme = programme_for(request, slug, can_manage_accelerator)
    membership = queries.membership_get(programme=programme, uid=uid)
    form = opened(MembershipStatusForm(request.POST or None), membership)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        change = (
            services.cohort_member_graduate
            if data["status"] == MembershipStatus.GRADUATED
            else services.cohort_member_withdraw
        )
        try:
            change(actor=request.user, membership=membership, on=data["on"])
        except DomainError as exc:
            # The services name the model's date field; the form has one date for both.
            if exc.field in ("graduated_on", "withdrawn_on"):
                exc = DomainError(exc.message, field="on")
            add_service_error(form, exc)
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, f"{membership.organisation} is now {data['status']}.")
            return redirect("accelerator:cohort", programme.slug, membership.cohort.uid)
    return render(
        request,
        "accelerator/membership_status.html",
        context(programme, membership=membership, form=form),
    )
