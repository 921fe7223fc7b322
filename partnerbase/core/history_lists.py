"""A record's history as a long list: its history rows filtered by change and date, searched
by who and why, sorted, in pages and as a CSV (core.lists), each row shown with the fields
that changed since the record's row before it."""

import django_filters

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
    record's row before it, whatever the filters left out."""
    return [history_entry(row, _previous(row)) for row in rows]
