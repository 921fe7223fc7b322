"""Every disbursement of the awards the user may see, as a long list: filtered, sorted, in
pages and downloadable as CSV."""

from django.views.decorators.http import require_GET

from partnerbase.core.currencies import from_minor
from partnerbase.core.lists import COUNT_CAP, Column, Sort, list_view
from partnerbase.programmes.access import programme_for

from . import permissions as can
from .filters import DisbursementFilter
from .queries import disbursement_list

DISBURSEMENT_SORTS = [
    Sort("date", "Date", ("-on",)),
    Sort("award", "Award", ("award__title", "-on")),
    Sort("recipient", "Recipient", ("award__recipient__name", "-on")),
    Sort("kind", "Planned or actual", ("kind", "-on")),
    Sort("amount", "Amount", ("-amount_minor", "-on")),
]
DISBURSEMENT_COLUMNS = [
    Column("Award", lambda d: d.award.title),
    Column("Kind of award", lambda d: d.award.get_instrument_display()),
    Column("Funder", lambda d: d.award.funder.name),
    Column("Recipient", lambda d: d.award.recipient.name),
    Column("Planned or actual", lambda d: d.get_kind_display()),
    Column("Date", lambda d: d.on),
    Column("Amount", lambda d: from_minor(d.amount_minor, d.award.currency)),
    Column("Currency", lambda d: d.award.currency),
    Column("Notes", lambda d: d.notes),
    Column("Award id", lambda d: d.award.uid),
    Column("Id", lambda d: d.uid),
]


@require_GET
def disbursement_index(request, slug):
    """Every disbursement of the awards the user may see, planned and actual."""
    programme = programme_for(request, slug, can.can_view_ledger)
    return list_view(
        request,
        "funding/disbursement_list.html",
        {
            "programme": programme,
            "whole": can.sees_whole_ledger(request.user, programme),
            "nav_current": "funding",
        },
        disbursement_list(user=request.user, programme=programme).select_related(
            "award__funder", "award__recipient"
        ),
        filterset_class=DisbursementFilter,
        sorts=DISBURSEMENT_SORTS,
        columns=DISBURSEMENT_COLUMNS,
        filename=f"{programme.slug}-disbursements.csv",
        count_cap=COUNT_CAP,  # one a year for each of a million awards: not counted
    )
