"""The base of every list's FilterSet, shared by its page and its API endpoint.

A subclass names `search_fields` (searched by `?q=`, each word in any of them) and its
facets; its filters' names are the URL's parameters, on the page and in the API alike."""

import re

import django_filters
from django import forms
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


def record_id(field: str, label: str) -> django_filters.NumberFilter:
    """A filter by a related record's id, kept in the URL (links from a record's page) but
    not offered as a choice of every record on the page."""
    return django_filters.NumberFilter(field_name=field, label=label, widget=forms.HiddenInput)
