"""A record's history as a long list: its history rows filtered by change and date, searched
by who and why, sorted, in pages and as a CSV (core.lists), each row shown with the fields
that changed since the record's row before it."""

import django_filters
from django.db.models import OuterRef, Q, Subquery

from .filters import ListFilterSet, date_from, date_to
from .history import ACTIONS, history_entry
from .lists import Column, Sort


class HistoryFilter(ListFilterSet):
    """The filters of any model's history rows (django-simple-history's), so no Meta.model:
    the page's and the API's query say whose rows."""

    search_fields = ("history_change_reason", "history_user__full_name", "history_user__email")
    action = django_filters.ChoiceFilter(
        field_name="history_type",
        choices=[(key, label.capitalize()) for key, label in ACTIONS.items()],
        empty_label="Any change",
        label="Change",
    )
    changed_on__gte = date_from("history_date__date", "Changed from")
    changed_on__lte = date_to("history_date__date", "Changed to")


HISTORY_SORTS = [
    Sort("when", "When", ("-history_date", "-history_id")),
    Sort("who", "Who", ("history_user__full_name", "history_user__email", "-history_date")),
    Sort("action", "What", ("history_type", "-history_date")),
]


def _previous(row):
    # One query a row: a page is 50 rows, and a CSV of one record's history is short.
    return row.prev_record


def _changes(row) -> str:
    entry = history_entry(row, _previous(row))
    return "; ".join(f"{c['field']}: {c['old'] or ''} → {c['new'] or ''}" for c in entry["changes"])


HISTORY_COLUMNS = [
    Column("When", lambda r: r.history_date.isoformat(timespec="seconds")),
    Column("Who", lambda r: str(r.history_user) if r.history_user else "System"),
    Column("What", lambda r: ACTIONS[r.history_type]),
    Column("Reason", lambda r: r.history_change_reason or ""),
    Column("Changes", _changes),
    Column("Id", lambda r: r.uid),
]


def history_page_entries(rows) -> list[dict]:
    """The page's history rows as entries (core.history.history_entry), each against the
    record's row before it, whatever the filters left out: two queries for the page."""
    rows = list(rows)
    if not rows:
        return []
    model = type(rows[0])
    before = (
        model.objects.filter(id=OuterRef("id"))
        .filter(
            Q(history_date__lt=OuterRef("history_date"))
            | Q(history_date=OuterRef("history_date"), history_id__lt=OuterRef("history_id"))
        )
        .order_by("-history_date", "-history_id")
        .values("history_id")[:1]
    )
    previous_ids = dict(
        model.objects.filter(history_id__in=[r.history_id for r in rows])
        .annotate(previous=Subquery(before))
        .values_list("history_id", "previous")
    )
    previous = model.objects.in_bulk(
        [pk for pk in previous_ids.values() if pk is not None], field_name="history_id"
    )
    return [history_entry(row, previous.get(previous_ids.get(row.history_id))) for row in rows]
