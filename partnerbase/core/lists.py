"""Long lists: one filterset, one sort whitelist, pages and a streamed CSV.

Every list page that can grow past a page of rows goes through `list_page`: the view's
query (already restricted to what the user may see) is filtered by the app's django-filter
FilterSet (the same class the API's list uses), ordered by a whitelisted sort key
(`?sort=-date`), and cut into pages of `per_page`; `?format=csv` streams the filtered rows
instead, in the same order, so a million rows download in constant memory.

Only one page of rows is read: prefetches and select_related joins act on that page, so no
query builds an `IN (...)` list of every row (SQLite refuses one of 50,000 ids).
"""

import csv
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.db.models.sql.where import WhereNode
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import render

from .filters import filter_names

# A cell that starts like a formula gets a leading apostrophe, so a spreadsheet program
# shows it as text rather than running it (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PER_PAGE = 50
# What a list of possibly millions of rows counts up to (list_page's count_cap).
COUNT_CAP = 10_000
CSV_CHUNK = 2000


def csv_safe(value) -> str:
    """Stop spreadsheet programs running a cell as a formula (CSV injection)."""
    if value is None:
        return ""
    text = str(value)
    return "'" + text if text[:1] in FORMULA_STARTS else text


@dataclass(frozen=True)
class Sort:
    """A column the list may be ordered by: `key` in the URL, the ORM ordering it means."""

    key: str
    label: str
    ordering: tuple[str, ...]


@dataclass(frozen=True)
class Column:
    """One CSV column: its heading and how to read it from a row."""

    heading: str
    value: Callable


class _Echo:
    def write(self, value):
        return value


def csv_rows(rows: Iterable, columns: list[Column]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield writer.writerow([c.heading for c in columns])
    for row in rows:
        yield writer.writerow([csv_safe(c.value(row)) for c in columns])


def csv_response(rows: Iterable, columns: list[Column], filename: str) -> StreamingHttpResponse:
    """The rows as a CSV download, written as they are read (constant memory)."""
    response = StreamingHttpResponse(csv_rows(rows, columns), content_type="text/csv")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class NarrowPaginator(Paginator):
    """Pages read in two steps: the page's primary keys first, sorted and skipped over
    without the joined columns (a deep page of a long list sorts narrow rows), then those
    rows with everything the page shows (select_related, annotations, prefetches)."""

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        ids = list(self.object_list.values_list("pk", flat=True)[bottom:top])
        found = {row.pk: row for row in _by_keys(self.object_list, ids)}
        return self._get_page([found[pk] for pk in ids if pk in found], number, self)


def _by_keys(rows: QuerySet, ids: list) -> QuerySet:
    """`rows` narrowed to `ids` alone, its filters dropped (the ids came through them):
    SQLite otherwise plans the page by the filter, e.g. every disbursement of a programme's
    million awards, and not by the fifty keys. Joins, annotations and prefetches stay.
    A query that sums or counts keeps its filters: without them its joins would add rows
    to each group."""
    grouped = rows.query.group_by is not None or any(
        getattr(a, "contains_aggregate", False) for a in rows.query.annotations.values()
    )
    if grouped:
        return rows.filter(pk__in=ids)
    rows = rows.all()
    rows.query.where = WhereNode()
    return rows.filter(pk__in=ids)


def _ordering(
    sorts: list[Sort], key: str, last: tuple[str, ...] = ("pk",)
) -> tuple[tuple[str, ...], str]:
    """The ORM ordering for `key` ("date" or "-date"); the first sort if it is not allowed.
    The primary key (`last`) comes last so pages never repeat or skip a row."""
    by_key = {s.key: s for s in sorts}
    name = key.removeprefix("-")
    if name not in by_key:
        key, name = sorts[0].key, sorts[0].key
    descending = key.startswith("-")
    ordering = []
    for field in by_key[name].ordering:
        flipped = field.removeprefix("-") if field.startswith("-") else f"-{field}"
        ordering.append(flipped if descending else field)
    for field in last:
        ordering.append(f"-{field}" if descending else field)
    return tuple(ordering), key


def _query(params, drop: tuple[str, ...] = ()) -> str:
    """The query string without the named parameters (empty values left out)."""
    pairs = [(k, v) for k, values in params.lists() for v in values if k not in drop and v != ""]
    return urlencode(pairs)


def list_view(request, template: str, context: dict, queryset, **options) -> HttpResponse:
    """The list page rendered with `context` and its listing (list_page's options), or the
    CSV download it asks for."""
    listing = list_page(request, queryset, **options)
    if not isinstance(listing, dict):
        return listing
    return render(request, template, {**context, **listing})


def list_page(
    request,
    queryset,
    *,
    filterset_class,
    sorts: list[Sort],
    columns: list[Column] | None = None,
    filename: str = "",
    per_page: int = PER_PAGE,
    known_count: int | None = None,
    count_cap: int | None = None,
) -> dict | StreamingHttpResponse:
    """The template context of one page of a filtered, sorted list, or (for `?format=csv`,
    when `columns` are given) the streamed CSV of every filtered row, in the page's order.
    The query's select_related and prefetches act on the page's rows (or each chunk).
    `known_count`: the unfiltered rows' number, when the caller has counted them already.
    `count_cap`: count no further than this (a list of a million rows says "more than
    10,000" and offers that many rows' pages, as large admin lists do: the filters narrow
    it); the CSV still gives every filtered row."""
    filters, rows, sort = filtered_rows(
        request, queryset, filterset_class=filterset_class, sorts=sorts
    )
    return listing_context(
        request,
        filters,
        NarrowPaginator(rows, per_page),
        sort,
        sorts=sorts,
        columns=columns,
        filename=filename,
        known_count=known_count,
        count_cap=count_cap,
    )


def listing_context(
    request,
    filters,
    paginator: Paginator,
    sort: str,
    *,
    sorts: list[Sort],
    columns: list[Column] | None,
    filename: str,
    known_count: int | None = None,
    count_cap: int | None = None,
    csv_source: Callable[[], Iterable] | None = None,
) -> dict | StreamingHttpResponse:
    """list_page's answer for rows already filtered and sorted into `paginator`: the page's
    context, or the CSV (`csv_source()`'s rows; by default the paginator's query, read in
    chunks)."""
    params = request.GET
    if columns is not None and params.get("format") == "csv":
        source = csv_source or (lambda: paginator.object_list.iterator(chunk_size=CSV_CHUNK))
        return csv_response(source(), columns, filename)
    names = filter_names(filters.form)
    filtered = any(params.get(name) not in (None, "") for name in names)
    if known_count is not None and not filtered:
        paginator.count = known_count  # counted already: not asked again
    capped = False
    if count_cap is not None and (known_count is None or filtered or known_count > count_cap):
        # Counted up to one past the cap, in no order: the scan stops there.
        paginator.count = paginator.object_list.order_by()[: count_cap + 1].count()
        capped = paginator.count > count_cap
        paginator.count = min(paginator.count, count_cap)
    page = paginator.get_page(params.get("page"))
    query = _query(params, drop=("page", "format"))
    return {
        "filters": filters,
        "rows": page.object_list,
        "count": page.paginator.count,
        "count_capped": capped,  # "more than" the count
        "sort": sort,
        "sort_links": _sort_links(params, sorts, sort),
        "query": query,
        "csv_query": query if columns else None,
        **page_context(page, query),
        # Parameters that are not filters (the sort, a page's own mode) survive the form.
        "kept": [
            (k, v)
            for k, values in params.lists()
            for v in values
            if k not in names and k not in ("page", "format") and v != ""
        ],
        "filtered": filtered,
    }


def filtered_rows(request, queryset, *, filterset_class, sorts: list[Sort]):
    """The filterset, its rows in the asked (whitelisted) order, and that order's key."""
    params = request.GET
    filters = filterset_class(params, queryset=queryset, request=request)
    ordering, sort = sort_ordering(request, sorts)
    return filters, filters.qs.order_by(*ordering), sort


def sort_ordering(
    request, sorts: list[Sort], last: tuple[str, ...] = ("pk",)
) -> tuple[tuple[str, ...], str]:
    """The ORM ordering the URL's `sort` asks for (whitelisted), ending with `last` (what
    makes each row's place unique), and the sort's key."""
    return _ordering(sorts, request.GET.get("sort", ""), last)


def _sort_links(params, sorts: list[Sort], current: str) -> dict:
    """For each sort key: the link that orders by it (flipping the direction when it is
    the current order) and its aria-sort value, the direction of the rows as shown (a key
    may mean newest or largest first)."""
    base = _query(params, drop=("sort", "page"))
    links = {}
    for s in sorts:
        if current.removeprefix("-") == s.key:
            first = _ordering(sorts, current)[0][0]
            aria = "descending" if first.startswith("-") else "ascending"
            target = s.key if current.startswith("-") else f"-{s.key}"
        else:
            aria, target = "none", s.key
        links[s.key] = {"href": _href(base, "sort", target), "aria": aria, "label": s.label}
    return links


def page_context(page, query: str) -> dict:
    """What includes/list_pages.html needs: the numbered links and the previous and next
    pages' addresses, each carrying `query` (the filters and sort)."""
    return {
        "page": page,
        "page_links": _page_links(page, query),
        "prev_href": _href(query, "page", page.number - 1) if page.has_previous() else "",
        "next_href": _href(query, "page", page.number + 1) if page.has_next() else "",
    }


def batched(items: Iterable, size: int) -> Iterator[list]:
    """Lists of `size` items (the last may be shorter): itertools.batched before 3.12."""
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _page_links(page, base: str) -> list[dict]:
    """GOV.UK pagination's items: first, last, and the pages around the current one, with
    ellipses where pages are left out."""
    if not page.has_other_pages():
        return []
    last = page.paginator.num_pages
    numbers = sorted({1, last, *range(max(1, page.number - 1), min(last, page.number + 1) + 1)})
    links, previous = [], 0
    for number in numbers:
        if number - previous > 1:
            links.append({"ellipsis": True})
        links.append(
            {
                "number": number,
                "href": _href(base, "page", number),
                "current": number == page.number,
            }
        )
        previous = number
    return links


def _href(query: str, name: str, value) -> str:
    return "?" + "&".join(part for part in (query, urlencode({name: value})) if part)
