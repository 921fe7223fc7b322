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


# --- the shared date filter: GOV.UK's day, month and year boxes ----------------------------


def _award_filters(query: str):
    from partnerbase.funding.filters import FundingAwardFilter
    from partnerbase.funding.models import FundingAward

    return FundingAwardFilter(QueryDict(query), queryset=FundingAward.objects.none())


def _rendered(filters) -> str:
    from django.template import Context, Template

    source = "{% load govuk %}{% for field in filters.form %}{% govuk_field field %}{% endfor %}"
    return Template(source).render(Context({"filters": filters}))


def test_a_date_filter_reads_the_three_boxes_or_one_iso_date():
    import datetime

    for query in (
        "award_date__gte_0=1&award_date__gte_1=2&award_date__gte_2=2018",
        "award_date__gte=2018-02-01",
    ):
        form = _award_filters(query).form
        assert form.is_valid(), form.errors
        assert form.cleaned_data["award_date__gte"] == datetime.date(2018, 2, 1)


def test_a_date_filter_is_three_govuk_boxes_that_keep_what_was_typed():
    query = "award_date__gte_0=7&award_date__gte_1=3&award_date__gte_2=2018"
    html = _rendered(_award_filters(query))
    assert 'type="date"' not in html
    assert html.count('class="govuk-date-input"') == 2  # awarded from and to
    assert 'name="award_date__gte_0" type="text" inputmode="numeric" value="7"' in html
    assert 'name="award_date__gte_2" type="text" inputmode="numeric" value="2018"' in html
    assert "<legend" in html and "Awarded from" in html


def test_a_date_that_is_not_real_gets_an_error_at_its_boxes():
    for query in (
        "award_date__lte_0=31&award_date__lte_1=2&award_date__lte_2=2018",
        "award_date__lte=2018-13-45",
        "award_date__lte=soon",
    ):
        filters = _award_filters(query)
        assert not filters.form.is_valid()
        assert filters.form.errors["award_date__lte"] == ["Awarded to must be a real date"]
        html = _rendered(filters)
        assert "govuk-form-group--error" in html and "govuk-input--error" in html
    # The summary above the filters links to the boxes.
    from django.template import Context, Template

    summary = Template("{% load govuk %}{% govuk_error_summary form %}").render(
        Context({"form": filters.form})
    )
    assert '<a href="#id_award_date__lte_0">Awarded to must be a real date</a>' in summary
    # Half a date says what is missing, and marks only that box.
    filters = _award_filters("award_date__lte_0=3&award_date__lte_2=2018")
    assert filters.form.errors["award_date__lte"] == ["Awarded to must include a month"]
    html = _rendered(filters)
    assert html.count("govuk-input--error") == 1


def test_the_date_boxes_are_filters_not_kept_parameters(rf, db):
    from partnerbase.core.filters import filter_names
    from partnerbase.core.lists import list_page
    from partnerbase.funding.filters import FundingAwardFilter
    from partnerbase.funding.models import FundingAward

    assert {"award_date__gte", "award_date__gte_0", "award_date__gte_2"} <= filter_names(
        _award_filters("").form
    )
    request = rf.get(
        "/",
        {
            "award_date__gte_0": "1",
            "award_date__gte_1": "2",
            "award_date__gte_2": "2018",
            "sort": "title",
            "page": "1",
        },
    )
    listing = list_page(
        request, FundingAward.objects.none(), filterset_class=FundingAwardFilter, sorts=SORTS
    )
    assert listing["filtered"] is True
    # Only the sort rides along as a hidden input; the boxes are the form's own.
    assert listing["kept"] == [("sort", "title")]
    # The pages' links carry the date.
    assert "award_date__gte_2=2018" in listing["query"]


def test_a_page_reads_its_rows_by_their_keys_alone_unless_it_sums(db):
    from django.db import connection
    from django.db.models import Count
    from django.test.utils import CaptureQueriesContext

    from partnerbase.core.lists import NarrowPaginator
    from partnerbase.directory.models import Organisation
    from tests.factories import Make, make_programme, make_user

    actor = make_user()
    make = Make(actor, make_programme(actor))
    for name in ("Alpha Ltd", "Beta Ltd", "Gamma CIC", "Delta Ltd"):
        make.org(name)
    listed = Organisation.objects.filter(name__endswith="Ltd").order_by("name")

    with CaptureQueriesContext(connection) as queries:
        page = NarrowPaginator(listed, 2).page(2)
    assert [o.name for o in page] == ["Delta Ltd"]
    # The page's keys come through the filter; its rows are read by those keys alone (SQLite
    # would otherwise plan the rows by the filter over the whole list).
    keys, rows = queries.captured_queries[-2:]
    assert "Ltd" in keys["sql"] and "Ltd" not in rows["sql"]

    # A count per row keeps its filter: its joins would otherwise add to each group.
    counted = listed.annotate(n=Count("engagements"))
    with CaptureQueriesContext(connection) as queries:
        page = NarrowPaginator(counted, 2).page(1)
    assert [(o.name, o.n) for o in page] == [("Alpha Ltd", 0), ("Beta Ltd", 0)]
    assert "Ltd" in queries.captured_queries[-1]["sql"]
