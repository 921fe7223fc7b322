"""The funding ledger, an award's detail, the forms that record money, and the rates."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from partnerbase.core.changes import record_history_page
from partnerbase.core.currencies import from_minor
from partnerbase.core.history import history_entries
from partnerbase.core.lists import Column, Sort, list_page
from partnerbase.core.pages import form_page
from partnerbase.programmes.access import programme_for

from . import permissions as can
from . import services
from .filters import FundingAwardFilter
from .forms import AwardForm, DisbursementForm, RepaymentForm
from .kept import whole_ledger_sums
from .ledger import build_ledger
from .models import DisbursementKind
from .queries import (
    award_get,
    award_history_parts,
    award_list,
    award_sums,
    rate_table,
    report_date,
)

NAV = "funding"


def _ledger(programme, awards, sums=None):
    return build_ledger(
        awards,
        currency=programme.reference_currency,
        display_currencies=programme.display_currency_list,
        rates=rate_table(programme=programme),
        at=report_date(programme),
        sums=sums,
    )


AWARD_SORTS = [
    Sort("date", "Date", ("-award_date",)),  # the index's order: deep pages need no sort
    Sort("title", "Award", ("title",)),
    Sort("kind", "Kind", ("instrument", "-award_date")),
    Sort("amount", "Amount", ("-amount_minor", "title")),
]
AWARD_COLUMNS = [
    Column("Award", lambda a: a.title),
    Column("Kind", lambda a: a.get_instrument_display()),
    Column("Funder", lambda a: a.funder.name),
    Column("Recipient", lambda a: a.recipient.name),
    Column("Via", lambda a: a.via_intermediary.name if a.via_intermediary else ""),
    Column("Date", lambda a: a.award_date),
    Column("Amount", lambda a: from_minor(a.amount_minor, a.currency)),
    Column("Currency", lambda a: a.currency),
    Column("Confirmed", lambda a: "Yes" if a.confirmed else "No"),
    Column("Id", lambda a: a.uid),
]


@require_GET
def ledger(request, slug):
    programme = programme_for(request, slug, can.can_view_ledger)
    whole = can.sees_whole_ledger(request.user, programme)
    awards = award_list(user=request.user, programme=programme)
    # The whole ledger's sums (and so its count) are kept; a filtered one is summed live.
    unfiltered = whole and not set(request.GET) - {"page", "sort"}
    kept = whole_ledger_sums(programme, awards) if unfiltered else None
    listing = list_page(
        request,
        awards,
        filterset_class=FundingAwardFilter,
        sorts=AWARD_SORTS,
        columns=AWARD_COLUMNS,
        filename=f"{programme.slug}-funding-awards.csv",
        known_count=None if kept is None else sum(s.count for s in kept if not s.convener),
    )
    if not isinstance(listing, dict):
        return listing
    sums = kept if kept is not None else award_sums(listing["filters"].qs)
    return render(
        request,
        "funding/ledger.html",
        {
            "programme": programme,
            **listing,
            "ledger": _ledger(programme, listing["rows"], sums),
            "whole": whole,
            "can_record": can.can_record_award(request.user, programme),
            "nav_current": NAV,
        },
    )


@require_GET
def award_detail(request, slug, uid):
    programme = programme_for(request, slug, can.can_view_ledger)
    award = award_get(user=request.user, programme=programme, uid=uid)
    disbursements = list(award.disbursements.all())
    planned = [d for d in disbursements if d.kind == DisbursementKind.PLANNED]
    actual = [d for d in disbursements if d.kind == DisbursementKind.ACTUAL]
    schedule = award.repayment_schedule()
    repayments = list(award.repayments.all()) if award.is_loan else []
    repaid = sum(r.amount_minor for r in repayments)
    loan = None
    if award.is_loan:
        total = award.total_repayable_minor()
        loan = {
            "total": from_minor(total, award.currency),
            "interest": from_minor(total - award.amount_minor, award.currency),
            "repaid": from_minor(repaid, award.currency),
            "balance": from_minor(total - repaid, award.currency),
            "schedule": [
                {
                    "row": row,
                    "principal": from_minor(row.principal_minor, award.currency),
                    "interest": from_minor(row.interest_minor, award.currency),
                    "total": from_minor(row.total_minor, award.currency),
                    "balance": from_minor(row.balance_after_minor, award.currency),
                }
                for row in schedule
            ],
        }
    one = _ledger(programme, [award])
    return render(
        request,
        "funding/award_detail.html",
        {
            "programme": programme,
            "award": award,
            "row": one.rows[0],
            "ledger": one,
            "disbursement_groups": [
                (label, rows, from_minor(sum(d.amount_minor for d in rows), award.currency), key)
                for label, rows, key in (
                    ("Planned", planned, DisbursementKind.PLANNED),
                    ("Made", actual, DisbursementKind.ACTUAL),
                )
            ],
            "loan": loan,
            "repayments": repayments,
            "history": _history(award, disbursements, repayments),
            "can_record_disbursement": can.can_record_disbursement(request.user, award),
            "can_record_repayment": can.can_record_repayment(request.user, award),
            "nav_current": NAV,
        },
    )


@require_GET
def award_history(request, slug, uid):
    """Every change to the award, its disbursements and repayments (as the award's page)."""
    programme = programme_for(request, slug, can.can_view_ledger)
    award = award_get(user=request.user, programme=programme, uid=uid)
    return record_history_page(
        request,
        programme=programme,
        parts=award_history_parts(award),
        record=award.title,
        back=(reverse("funding:award_detail", args=[slug, uid]), f"Back to {award.title}"),
        filename=f"{programme.slug}-award-{uid}-history.csv",
        nav_current="funding",
        caption="Changes to this award, its disbursements and repayments",
    )


def _history(award, disbursements, repayments):
    """The award's own changes and the creation of each of its rows, newest first."""
    entries = history_entries(award)
    for child in (*disbursements, *repayments):
        entries.extend(history_entries(child, limit=5))
    return sorted(entries, key=lambda e: e["when"], reverse=True)


@require_http_methods(["GET", "POST"])
def award_add(request, slug):
    programme = programme_for(request, slug, can.can_record_award)
    form = AwardForm(request.POST or None, programme=programme)
    return form_page(
        request,
        "funding/award_form.html",
        {"programme": programme},
        form,
        lambda data: services.funding_award_record(actor=request.user, programme=programme, **data),
        "Award recorded.",
        lambda award: reverse("funding:award_detail", args=[programme.slug, award.uid]),
        nav=NAV,
    )


def _award_for(request, slug, uid, allowed):
    programme = programme_for(request, slug, can.can_view_ledger)
    award = award_get(user=request.user, programme=programme, uid=uid)
    if not allowed(request.user, award):
        raise PermissionDenied
    return programme, award


@require_http_methods(["GET", "POST"])
def disbursement_add(request, slug, uid):
    programme, award = _award_for(request, slug, uid, can.can_record_disbursement)
    return form_page(
        request,
        "funding/disbursement_form.html",
        {"programme": programme, "award": award},
        DisbursementForm(request.POST or None),
        lambda data: services.disbursement_record(actor=request.user, award=award, **data),
        "Disbursement recorded.",
        reverse("funding:award_detail", args=[programme.slug, award.uid]),
        nav=NAV,
    )


@require_http_methods(["GET", "POST"])
def repayment_add(request, slug, uid):
    programme, award = _award_for(request, slug, uid, can.can_record_repayment)
    balance = from_minor(services.loan_balance_minor(award), award.currency)
    return form_page(
        request,
        "funding/repayment_form.html",
        {"programme": programme, "award": award, "balance": balance},
        RepaymentForm(request.POST or None),
        lambda data: services.loan_repayment_record(actor=request.user, award=award, **data),
        "Repayment recorded.",
        reverse("funding:award_detail", args=[programme.slug, award.uid]),
        nav=NAV,
    )
