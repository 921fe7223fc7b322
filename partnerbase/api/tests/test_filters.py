"""Every kind's list filters through its FilterSet (the page's own, or its app's in
`filters.py`), and the schema lists each filter's parameter. Each filter is tried on the
small world's records: a value one of the caller's rows has gives those rows (and only
rows with it); a value no row has gives none, so the filter is applied, not ignored."""

import copy

import django_filters
from django.urls import reverse
from drf_spectacular.generators import SchemaGenerator

from partnerbase.accounts.models import Role
from partnerbase.core.filters import ListFilterSet

from .conftest import Caller
from .test_matrix import ALL_KINDS

FILTERED = ALL_KINDS
NO_SUCH_WORD = "zqxj-no-such-word"


def test_every_kind_has_a_filterset():
    for path, kind in FILTERED.items():
        assert kind.filterset is not None, path
        assert issubclass(kind.filterset, ListFilterSet), path
        assert kind.filterset._meta.model is kind.model, path


def test_the_schema_lists_every_filter():
    schema = SchemaGenerator().get_schema(request=None, public=True)
    for path, kind in FILTERED.items():
        listing = schema["paths"][f"/api/v1/programmes/{{slug}}/{path}/"]["get"]
        offered = {parameter["name"] for parameter in listing["parameters"]}
        assert set(kind.filterset.base_filters) <= offered, (path, offered)


def _rows(caller, url, **params):
    answer = caller.get(url, page_size=500, **params)
    assert answer.status_code == 200, (url, params, answer.content[:300])
    return answer.json()["results"]


def _day(value) -> str:
    return str(value)[:10]


def _holds(row, name, wanted) -> bool | None:
    """Whether `row` has the value the filter asked for (None: the row does not show it)."""
    field = name.removesuffix("__gte").removesuffix("__lte")
    if field not in row:
        return None
    value = row[field]
    if name != field:  # from or to a date
        if value is None:
            return False
        return _day(value) >= wanted if name.endswith("__gte") else _day(value) <= wanted
    return str(value).lower() == str(wanted).lower()


def _value_of(row, name):
    field = name.removesuffix("__gte").removesuffix("__lte")
    value = row.get(field)
    if value is None or isinstance(value, list | dict):
        return None
    if name != field:
        return _day(value)
    return str(value).lower() if isinstance(value, bool) else value


def _miss(name, filter_, rows):
    """A value none of the rows has, or None where there is no such value to ask for."""
    if name == "q":
        return NO_SUCH_WORD
    if name.endswith("__gte"):
        return "2099-12-31"
    if name.endswith("__lte"):
        return "1900-01-01"
    if isinstance(filter_, django_filters.ModelChoiceFilter):
        return None  # its choices are the programme's records: asked with a row's value
    if isinstance(filter_, django_filters.ChoiceFilter):
        if any(name not in row for row in rows):
            return None  # it filters on a field the rows do not show (an award's instrument)
        held = {str(row.get(name)) for row in rows}
        # A copy: the class's own filter would keep the form field built here, without
        # the request a ModelChoiceFilter's choices need.
        offered = [str(value) for value, _ in copy.deepcopy(filter_).field.choices if value != ""]
        unused = [value for value in offered if value not in held]
        return unused[0] if unused else None
    if isinstance(filter_, django_filters.NumberFilter):
        return 0
    if isinstance(filter_, django_filters.CharFilter):
        return NO_SUCH_WORD
    return None


def test_each_filter_narrows_the_rows(world, many_calls):
    callers = [Role.TEAM, Role.INNOVATOR, Role.ASSESSOR, "judge", Role.CHAMPION]
    callers = [Caller(world.users[who]) for who in callers if who in world.users]
    tried, missed, hit, empty = 0, 0, 0, []
    wrong = []
    for path, kind in FILTERED.items():
        url = reverse(f"api:{path}-list", args=[world.alpha.slug])
        caller, rows = None, []
        for candidate in callers:  # the first caller who reads some of these records
            answer = candidate.get(url, page_size=500)
            if answer.status_code == 200 and answer.json()["results"]:
                caller, rows = candidate, answer.json()["results"]
                break
        if caller is None:
            empty.append(path)
            continue
        for name, filter_ in kind.filterset.base_filters.items():
            tried += 1
            miss = _miss(name, filter_, rows)
            if miss is not None:
                got = _rows(caller, url, **{name: miss})
                missed += 1
                if got:
                    wrong.append(f"{path}?{name}={miss} gave {len(got)} of {len(rows)} rows")
            wanted = next((v for r in rows if (v := _value_of(r, name)) is not None), None)
            if wanted is None or name == "q":
                continue
            got = _rows(caller, url, **{name: wanted})
            hit += 1
            if not got or any(_holds(r, name, wanted) is False for r in got):
                wrong.append(f"{path}?{name}={wanted}: {len(got)} rows, not all with it")
    assert not wrong, "\n".join(wrong)
    assert not empty, f"no caller reads any of these, so their filters went untried: {empty}"
    print(f"{tried} filters over {len(FILTERED)} kinds: {missed} missed, {hit} hit")
    assert missed >= len(FILTERED) and hit >= len(FILTERED)
