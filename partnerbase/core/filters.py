"""The base of every list's FilterSet, shared by its page and its API endpoint.

A subclass names `search_fields` (searched by `?q=`, each word in any of them) and its
facets; its filters' names are the URL's parameters, on the page and in the API alike."""

import re

import django_filters
from django import forms
from django.db import models
from django.db.models import Q
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from .forms import GovukDateField, GovukDateWidget


class ListFilterSet(django_filters.FilterSet):
    search_fields: tuple[str, ...] = ()

    q = django_filters.CharFilter(method="search", label="Search")

    def search(self, queryset, name, value):
        # Every word must appear in one of the fields; NUL would fail on PostgreSQL.
        words = value.replace("\x00", " ").split()[:10]
        for word in words:
            any_field = Q()
            for field in self.search_fields:
                any_field |= Q(**{f"{field}__icontains": word})
            queryset = queryset.filter(any_field)
        return queryset

    @property
    def form(self):
        form = super().form
        form.is_filter_form = True  # labels without "(optional)": every filter is
        return form


def search_filter(fields: tuple[str, ...]) -> type[ListFilterSet]:
    """A FilterSet that only searches `fields` (`?q=`), for a list whose facets are elsewhere
    (a figure's records: its period)."""
    return type("SearchFilter", (ListFilterSet,), {"search_fields": fields})


# --- dates: GOV.UK's day, month and year boxes, or one ISO date ------------------------------

ISO_DATE = re.compile(r"\s*(\d{1,4})-(\d{1,2})-(\d{1,2})\s*")


class DateFilterWidget(GovukDateWidget):
    """GOV.UK's date input (`<name>_0`, `_1`, `_2` in the URL), which also reads one ISO date
    under the filter's own name: the API's form of a date, and links written by hand."""

    def value_from_datadict(self, data, files, name):
        iso = data.get(name)
        if iso:
            found = ISO_DATE.fullmatch(iso)
            # Not a date at all: kept as text, so the field can say so.
            return [found[3], found[2], found[1]] if found else iso
        return super().value_from_datadict(data, files, name)


class DateFilterField(GovukDateField):
    widget = DateFilterWidget

    def clean(self, value):
        if isinstance(value, str):
            raise self._error(f"{self._name()} must be a real date", range(3), "invalid")
        return super().clean(value)


@extend_schema_field(OpenApiTypes.DATE)  # the API's form: one YYYY-MM-DD value
class DateFilter(django_filters.Filter):
    field_class = DateFilterField


def date_from(field: str, label: str) -> DateFilter:
    return DateFilter(field_name=field, lookup_expr="gte", label=label)


def date_to(field: str, label: str) -> DateFilter:
    return DateFilter(field_name=field, lookup_expr="lte", label=label)


def filter_names(form) -> set[str]:
    """The URL parameters a filter form reads: each field's name, and a date's three boxes."""
    names = set()
    for name, field in form.fields.items():
        names.add(name)
        names.update(name + suffix for suffix in getattr(field.widget, "widgets_names", ()))
    return names


class RecordIdFilter(django_filters.NumberFilter):
    # A whole number the database can hold: a larger one would overflow SQLite's integers.
    field_class = forms.IntegerField


LARGEST_ID = 2**63 - 1


def record_id(field: str, label: str) -> django_filters.NumberFilter:
    """A filter by a related record's id, kept in the URL (links from a record's page) but
    not offered as a choice of every record on the page."""
    return RecordIdFilter(
        field_name=field,
        label=label,
        widget=forms.HiddenInput,
        min_value=-LARGEST_ID,
        max_value=LARGEST_ID,
    )


def list_filter(
    model,
    *,
    search: tuple[str, ...] = (),
    ids: tuple[str, ...] = (),
    choices: tuple[str, ...] = (),
    dates: tuple[str, ...] = (),
    flags: tuple[str, ...] = (),
    exact: tuple[str, ...] = (),
    name: str = "",
) -> type[ListFilterSet]:
    """A list's FilterSet from its facets, for a list whose page has none of its own yet:
    `ids` filter by a related record's id, `choices` by a field's choices, `dates` give
    `<field>__gte` and `<field>__lte`, `flags` are yes/no, `exact` match a text exactly.
    The parameter names are the field names, so a page built later on the same FilterSet
    keeps the API's URLs."""
    attrs: dict = {"search_fields": search}
    for field in ids:
        label = model._meta.get_field(field).verbose_name.capitalize()
        attrs[field] = record_id(field, label)
    for field in choices:
        model_field = model._meta.get_field(field)
        attrs[field] = django_filters.ChoiceFilter(
            choices=model_field.choices,
            label=model_field.verbose_name.capitalize(),
            empty_label=f"Any {model_field.verbose_name}",
        )
    for field in dates:
        model_field = model._meta.get_field(field)
        label = model_field.verbose_name.capitalize()
        # A moment's day, so that "to 7 December" holds what happened on that day.
        on = f"{field}__date" if isinstance(model_field, models.DateTimeField) else field
        attrs[f"{field}__gte"] = date_from(on, f"{label} from")
        attrs[f"{field}__lte"] = date_to(on, f"{label} to")
    for field in flags:
        attrs[field] = django_filters.BooleanFilter(
            label=model._meta.get_field(field).verbose_name.capitalize()
        )
    for field in exact:
        attrs[field] = django_filters.CharFilter(
            label=model._meta.get_field(field).verbose_name.capitalize()
        )
    if not search:
        attrs["q"] = None  # nothing to search: no `q`
    attrs["Meta"] = type("Meta", (), {"model": model, "fields": []})
    return type(name or f"{model.__name__}Filter", (ListFilterSet,), attrs)
