"""The base of every list's FilterSet, shared by its page and its API endpoint.

A subclass names `search_fields` (searched by `?q=`, each word in any of them) and its
facets; its filters' names are the URL's parameters, on the page and in the API alike."""

import django_filters
from django import forms
from django.db.models import Q


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


def date_from(field: str, label: str) -> django_filters.DateFilter:
    return django_filters.DateFilter(
        field_name=field, lookup_expr="gte", label=label, widget=forms.DateInput
    )


def date_to(field: str, label: str) -> django_filters.DateFilter:
    return django_filters.DateFilter(
        field_name=field, lookup_expr="lte", label=label, widget=forms.DateInput
    )


def record_id(field: str, label: str) -> django_filters.NumberFilter:
    """A filter by a related record's id, kept in the URL (links from a record's page) but
    not offered as a choice of every record on the page."""
    return django_filters.NumberFilter(field_name=field, label=label, widget=forms.HiddenInput)
