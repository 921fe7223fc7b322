"""What the pages benchmark (pages.py) reads from a list page: its first filter and how
many pages it has, to build the URL of a middle page with a filter.

A list filters with a GET form (GOV.UK selects) and pages with `?page=N` links and
"Page N of M"; both are read from the HTML, so a list that gains a filter or pagination
is measured with them without changing the benchmark.
"""

import re
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlencode, urlsplit

PAGE_OF = re.compile(r"Page\s+\d+\s+of\s+(\d+)")


class _ListPage(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.in_get_form = False
        self.select = None
        self.filters: list[tuple[str, str]] = []  # (select name, its first non-empty value)
        self.pages = 1

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.in_get_form = (a.get("method") or "get").lower() == "get"
        elif tag == "select" and self.in_get_form:
            self.select = a.get("name")
        elif tag == "option" and self.select and a.get("value"):
            if not any(name == self.select for name, _ in self.filters):
                self.filters.append((self.select, a["value"]))
        elif tag == "a" and "?" in (a.get("href") or ""):
            numbers = parse_qs(urlsplit(a["href"]).query).get("page", [])
            for number in numbers:
                if number.isdigit():
                    self.pages = max(self.pages, int(number))

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_get_form = False
        elif tag == "select":
            self.select = None


def list_shape(html: str) -> tuple[list[tuple[str, str]], int]:
    """The page's filters (select name, first value) and its number of pages."""
    parser = _ListPage()
    parser.feed(html)
    pages = max([parser.pages] + [int(n) for n in PAGE_OF.findall(html)])
    return parser.filters, pages


def filtered(path: str, filters: list[tuple[str, str]]) -> str:
    """The path with the first filter, if the page has one."""
    if not filters:
        return path
    return f"{path}?{urlencode(filters[:1])}"


def middle_number(pages: int) -> int:
    """The middle page, past the first when there are two or more."""
    return min(pages, pages // 2 + 1)


def middle(path: str, pages: int) -> str:
    """The path at its middle page (the query kept)."""
    number = middle_number(pages)
    joiner = "&" if "?" in path else "?"
    return f"{path}{joiner}page={number}"
