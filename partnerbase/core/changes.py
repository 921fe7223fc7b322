"""Changes to several kinds of record as one long list: the programme's change log (every
kind's history rows in the programme) and a record's history with its parts' (an award's
disbursements and repayments).

Each kind keeps its history rows in a table of its own (django-simple-history), so the list
is a UNION ALL of one narrow query a kind (kind, history id, when, who, what), each filtered
by the same FilterSet (core.history_lists.HistoryFilter's filters, a kind and a person
added), sorted and cut into pages in the database; only the page's rows are then read
whole, a kind at a time, with what each changed (core.history_lists.history_page_entries).
The CSV streams the union a chunk at a time, likewise.

Which rows are a programme's is found from the models' `_meta` (`programme_scope`), so a new
model is in the change log without a line here; a kind left out says why (`LEFT_OUT`)."""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

import django_filters
from django.apps import apps
from django.core.paginator import Paginator
from django.db import models
from django.db.models import CharField, F, Q, QuerySet, Value
from django.db.models.functions import Coalesce
from django.shortcuts import render

from .history_lists import HistoryFilter, history_page_entries
from .lists import CSV_CHUNK, Column, Sort, batched, listing_context, sort_ordering

# Kinds with history that the change log leaves out, and why.
LEFT_OUT = {
    "accounts.user": "accounts belong to no programme",
    "accounts.apitoken": "a person's own credentials, listed on their account page",
    "notifications.notification": "what each person was told, on their own list",
    "notifications.turnedoff": "a person's own settings",
    "jobs.job": "background work has its own page, with each job's progress",
    "privacy.personaldataaction": "the personal-data pages keep their own log",
}
# Fields that name a record, the first a kind has, shown and searched beside its changes.
TITLE_FIELDS = ("name", "title", "full_name", "question", "label")


@dataclass(frozen=True)
class RecordKind:
    """A kind of record with history: `key` in the URL (`funding.fundingaward`)."""

    key: str
    label: str
    model: type[models.Model]

    @property
    def history(self) -> type[models.Model]:
        return self.model.history.model

    @property
    def title_field(self) -> str:
        names = {f.name for f in self.history._meta.concrete_fields if not f.is_relation}
        return next((name for name in TITLE_FIELDS if name in names), "")


@cache
def record_kinds() -> dict[str, RecordKind]:
    """Every kind of record the change log lists, by key, in label order."""
    found = [
        m
        for m in apps.get_models()
        if hasattr(getattr(m, "history", None), "model") and m._meta.label_lower not in LEFT_OUT
    ]
    labels = [str(m._meta.verbose_name).capitalize() for m in found]
    kinds = []
    for model, label in zip(found, labels, strict=True):
        if labels.count(label) > 1:  # two apps' criteria or scores
            label = f"{label} ({model._meta.app_config.verbose_name.lower()})"
        kinds.append(RecordKind(model._meta.label_lower, label, model))
    return {k.key: k for k in sorted(kinds, key=lambda k: k.label)}


def kind_of(model: type[models.Model]) -> RecordKind:
    return record_kinds()[model._meta.label_lower]


# --- whose programme: from _meta -----------------------------------------------------------


def _programme_field(model) -> bool:
    return any(f.name == "programme" for f in model._meta.concrete_fields)


@cache
def paths_to_programme(model) -> tuple[tuple[str, ...], ...]:
    """The chains of foreign keys from `model` to a model with a `programme` field: the
    shortest whose every link is required, or else one through each link that may be blank
    (a rubric's criterion or a competition's), any of which may hold."""
    paths = _paths(model, frozenset())
    if not paths:
        raise LookupError(f"{model._meta.label} does not reach a programme")
    return tuple(paths)


def _links(model, seen: frozenset):
    for field in model._meta.concrete_fields:
        target = field.related_model
        if not (field.many_to_one or field.one_to_one) or target in seen:
            continue
        if hasattr(getattr(target, "history", None), "model"):
            yield field, target


def _required_path(model, seen: frozenset) -> tuple[str, ...] | None:
    if _programme_field(model):
        return ()
    best = None
    for field, target in _links(model, seen | {model}):
        if field.null:
            continue
        rest = _required_path(target, seen | {model})
        if rest is not None and (best is None or len(rest) + 1 < len(best)):
            best = (field.name, *rest)
    return best


def _paths(model, seen: frozenset) -> list[tuple[str, ...]]:
    required = _required_path(model, seen)
    if required is not None:
        return [required]
    found = []
    for field, target in _links(model, seen | {model}):
        rests = _paths(target, seen | {model})
        if rests:
            found.append((field.name, *min(rests, key=len)))
    return found


def programme_scope(model, programme_id: int) -> Q:
    """Which of `model`'s history rows are the programme's: by their own `programme`, or
    through the records they belong to, live ones (joined) or deleted ones (by their own
    history rows' ids)."""
    if model._meta.label_lower == "programmes.programme":
        return Q(id=programme_id)
    scope = Q()
    for path in paths_to_programme(model):
        if not path:
            return Q(programme_id=programme_id)
        first = model._meta.get_field(path[0])
        parent = first.related_model
        live = Q(**{"__".join((*path, "programme_id")): programme_id})
        deleted = parent.history.filter(programme_scope(parent, programme_id)).values("id")
        scope |= live | Q(**{f"{first.attname}__in": deleted})
    return scope


def programme_parts(programme, kinds: Iterable[RecordKind] | None = None) -> dict:
    """Each kind's history rows in `programme`, by kind key."""
    chosen = record_kinds().values() if kinds is None else kinds
    return {k.key: k.history.objects.filter(programme_scope(k.model, programme.pk)) for k in chosen}


# --- the list ------------------------------------------------------------------------------


class ChangeFilter(HistoryFilter):
    """HistoryFilter for several kinds: which kind of record, and who (a person's account).
    Their choices are the page's (`kinds`, `people`)."""

    kind = django_filters.ChoiceFilter(
        method="of_kind", choices=[], empty_label="Any kind of record", label="Kind of record"
    )
    who = django_filters.ChoiceFilter(
        field_name="history_user_id", choices=[], empty_label="Anyone", label="Who"
    )

    def __init__(self, *args, kinds: Iterable[RecordKind] = (), people=(), **kwargs):
        super().__init__(*args, **kwargs)
        kinds = list(kinds)
        # A filter with nothing to choose is left out (one record's own history).
        if len(kinds) > 1:
            self.filters["kind"].extra["choices"] = [(k.key, k.label) for k in kinds]
        else:
            del self.filters["kind"]
        if people:
            self.filters["who"].extra["choices"] = [(str(pk), name) for pk, name in people]
        else:
            del self.filters["who"]

    def of_kind(self, queryset, name, value):
        # A part is one kind's rows: the others are left out of the union.
        return queryset if queryset.model.instance_type._meta.label_lower == value else None

    def search(self, queryset, name, value):
        title = kind_of(queryset.model.instance_type).title_field
        fields = self.search_fields + ((title,) if title else ())
        return _searched(queryset, fields, value)


def _searched(queryset, fields, value):
    words = value.replace("\x00", " ").split()[:10]
    for word in words:
        any_field = Q()
        for field in fields:
            any_field |= Q(**{f"{field}__icontains": word})
        queryset = queryset.filter(any_field)
    return queryset


CHANGE_SORTS = [
    Sort("when", "When", ("-history_date",)),
    Sort("who", "Who", ("change_who", "-history_date")),
    Sort("action", "What", ("history_type", "-history_date")),
    Sort("kind", "Record", ("change_label", "-history_date")),
]
# A row's place: its kind and its id there (history ids repeat across kinds).
_LAST = ("history_id", "change_kind")


def _narrow(rows: QuerySet, kind: RecordKind) -> QuerySet:
    return (
        rows.annotate(
            change_kind=Value(kind.key, output_field=CharField()),
            change_label=Value(kind.label, output_field=CharField()),
            change_who=Coalesce(F("history_user__full_name"), Value(""), output_field=CharField()),
        )
        .values(
            "change_kind",
            "change_label",
            "history_id",
            "history_date",
            "history_type",
            "change_who",
        )
        .order_by()  # the history models' own order: not allowed inside a UNION
    )


def _filtered_part(filters_class, request, rows: QuerySet, options: dict):
    """One kind's rows through the filters, or None when the kind filter leaves it out."""
    filters = filters_class(request.GET, queryset=rows, request=request, **options)
    if not filters.is_valid():
        return None  # the page's own filterset shows the errors; no rows meanwhile
    queryset = rows
    for name, value in filters.form.cleaned_data.items():
        if value in (None, ""):
            continue
        queryset = filters.filters[name].filter(queryset, value)
        if queryset is None:
            return None
    return queryset


class ChangesPaginator(Paginator):
    """Pages of the union's narrow rows, each page then read whole (hydrate)."""

    def page(self, number):
        page = super().page(number)
        page.object_list = hydrate(list(page.object_list))
        return page


def hydrate(narrow: list[dict]) -> list[dict]:
    """The narrow rows as history entries (core.history.history_entry), in their order,
    each with its kind and the record's title: a few queries a kind."""
    kinds = record_kinds()
    by_kind: dict[str, list[int]] = {}
    for row in narrow:
        by_kind.setdefault(row["change_kind"], []).append(row["history_id"])
    entries = {}
    for key, ids in by_kind.items():
        kind = kinds[key]
        rows = kind.history.objects.filter(history_id__in=ids).select_related("history_user")
        for entry in history_page_entries(rows):
            row = entry["row"]
            entry["kind"] = kind
            entry["title"] = (
                str(getattr(row, kind.title_field, "") or "") if kind.title_field else ""
            )
            entries[(key, row.history_id)] = entry
    return [
        entries[(r["change_kind"], r["history_id"])]
        for r in narrow
        if (r["change_kind"], r["history_id"]) in entries
    ]


CHANGE_COLUMNS = [
    Column("When", lambda e: e["when"].isoformat(timespec="seconds")),
    Column("Who", lambda e: str(e["who"]) if e["who"] else "System"),
    Column("Kind of record", lambda e: e["kind"].label),
    Column("Record", lambda e: e["title"]),
    Column("What", lambda e: e["action"]),
    Column("Reason", lambda e: e["reason"]),
    Column(
        "Changes",
        lambda e: "; ".join(
            f"{c['field']}: {c['old'] or ''} → {c['new'] or ''}" for c in e["changes"]
        ),
    ),
    Column("Record id", lambda e: getattr(e["row"], "uid", "")),
]


def _hydrated(rows: QuerySet) -> Iterator[dict]:
    for chunk in batched(rows.iterator(chunk_size=CSV_CHUNK), CSV_CHUNK):
        yield from hydrate(chunk)


def changes_page(
    request,
    parts: dict[str, QuerySet],
    *,
    filename: str,
    people=(),
    filterset_class=ChangeFilter,
    per_page: int = 50,
):
    """The long list of the history rows of `parts` (kind key → that kind's rows): the
    page's context (`rows`: entries, each with `kind` and `title`) or its CSV."""
    kinds = record_kinds()
    options = {"kinds": [kinds[key] for key in parts], "people": people}
    first = next(iter(parts.values()))
    filters = filterset_class(request.GET, queryset=first, request=request, **options)
    filters.is_valid()  # the form's errors, for the page
    ordering, sort = sort_ordering(request, CHANGE_SORTS, _LAST)
    narrow = []
    for key, rows in parts.items():
        filtered = _filtered_part(filterset_class, request, rows, options)
        if filtered is not None:
            narrow.append(_narrow(filtered, kinds[key]))
    if not narrow:
        union = _narrow(first.none(), kinds[next(iter(parts))])
    else:
        union = narrow[0].union(*narrow[1:], all=True) if len(narrow) > 1 else narrow[0]
    union = union.order_by(*ordering)
    return listing_context(
        request,
        filters,
        ChangesPaginator(union, per_page),
        sort,
        sorts=CHANGE_SORTS,
        columns=CHANGE_COLUMNS,
        filename=filename,
        csv_source=lambda: _hydrated(union),
    )


def record_history_page(
    request,
    *,
    programme,
    parts: dict[str, QuerySet],
    record: str,
    back: tuple[str, str],
    filename: str,
    nav_current: str,
    caption: str = "Changes to this record",
):
    """A record's whole history page (its parts': an award's disbursements too), after the
    caller checked what the record's own page checks. `back`: (the record page's address,
    its name)."""
    listing = changes_page(request, parts, filename=filename)
    if not isinstance(listing, dict):
        return listing
    return render(
        request,
        "core/record_history.html",
        {
            "programme": programme,
            **listing,
            "history": listing["rows"],
            "records": len(parts) > 1,
            "record": record,
            "back_url": back[0],
            "back_label": back[1],
            "caption": caption,
            "nav_current": nav_current,
        },
    )
