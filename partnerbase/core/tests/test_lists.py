"""The long lists' machinery on its own: the sort whitelist, the page links, the CSV."""

import csv
import io

from django.core.paginator import Paginator
from django.http import QueryDict

from partnerbase.core.lists import (
    Column,
    Sort,
    _ordering,
    _sort_links,
    batched,
    csv_rows,
    csv_safe,
    page_context,
)

SORTS = [Sort("date", "Date", ("-award_date", "title")), Sort("title", "Award", ("title",))]


def test_only_whitelisted_sorts_order_the_rows_and_the_key_wins_ties():
    assert _ordering(SORTS, "title") == (("title", "pk"), "title")
    # Descending flips every field, the key too, so a page never repeats a row.
    assert _ordering(SORTS, "-date") == (("award_date", "-title", "-pk"), "-date")
    # Anything else (a field not offered, an injection attempt) is the first sort.
    for asked in ("", "password", "-amount_minor", "title;drop"):
        assert _ordering(SORTS, asked) == (("-award_date", "title", "pk"), "date")


def test_sort_links_flip_the_current_order_and_keep_the_filters():
    params = QueryDict("q=loan&sort=title&page=3")
    links = _sort_links(params, SORTS, "title")
    assert links["title"] == {"href": "?q=loan&sort=-title", "aria": "ascending", "label": "Award"}
    assert links["date"]["aria"] == "none" and links["date"]["href"] == "?q=loan&sort=date"
    assert _sort_links(params, SORTS, "-title")["title"]["aria"] == "descending"
    # A key whose own order is newest first says so, and its link asks for oldest first.
    newest = _sort_links(params, SORTS, "date")["date"]
    assert newest["aria"] == "descending" and newest["href"] == "?q=loan&sort=-date"
    assert _sort_links(params, SORTS, "-date")["date"]["aria"] == "ascending"


def test_page_links_show_the_ends_and_the_neighbours_with_ellipses():
    page = Paginator(range(1000), 50).page(10)
    context = page_context(page, "stage=active")
    numbers = [link.get("number", "…") for link in context["page_links"]]
    assert numbers == [1, "…", 9, 10, 11, "…", 20]
    assert [link["current"] for link in context["page_links"] if "number" in link] == [
        False,
        False,
        True,
        False,
        False,
    ]
    assert context["prev_href"] == "?stage=active&page=9"
    assert context["next_href"] == "?stage=active&page=11"
    assert page_context(Paginator(range(10), 50).page(1), "")["page_links"] == []


def test_csv_cells_that_look_like_formulas_are_text():
    for formula in ("=SUM(A1)", "+1", "-1", "@cmd", "\tx", "\rx"):
        assert csv_safe(formula) == "'" + formula
    assert csv_safe(None) == "" and csv_safe(12) == "12" and csv_safe("Toolshed") == "Toolshed"
    columns = [Column("Name", lambda r: r[0]), Column("Amount", lambda r: r[1])]
    lines = "".join(csv_rows([("=HYPERLINK(1)", 5), ("Nesta", None)], columns))
    assert list(csv.reader(io.StringIO(lines))) == [
        ["Name", "Amount"],
        ["'=HYPERLINK(1)", "5"],
        ["Nesta", ""],
    ]


def test_batched_keeps_every_item_in_order():
    assert list(batched(range(5), 2)) == [[0, 1], [2, 3], [4]]
    assert list(batched([], 3)) == []
