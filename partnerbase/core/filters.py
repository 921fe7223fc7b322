"""The base of every list's FilterSet, shared by its page and its API endpoint.

A subclass names `search_fields` (searched by `?q=`, each word in any of them) and its
facets; its filters' names are the URL's parameters, on the page and in the API alike."""

import django_filters
from django import forms
from django.db import models
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
