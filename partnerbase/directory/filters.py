"""The directory's list filters, shared by its pages and the API's list endpoints."""

import django_filters
from django import forms

from partnerbase.core.filters import ListFilterSet, date_from, date_to, record_id
from partnerbase.core.history_lists import HistoryFilter

from .models import (
    Engagement,
    EngagementKind,
    Organisation,
    OrganisationKind,
    Person,
    SectorGroup,
)

YES_NO = [("", "Either"), ("true", "Yes"), ("false", "No")]


class OrganisationFilter(ListFilterSet):
    search_fields = ("name", "description")
    kind = django_filters.ChoiceFilter(choices=OrganisationKind.choices, empty_label="Any kind")
    sector_group = django_filters.ChoiceFilter(
        choices=SectorGroup.choices, empty_label="Any sector", label="Sector"
    )
    region = django_filters.CharFilter(
        field_name="regions", lookup_expr="icontains", label="Region"
    )
    convenes_programme = django_filters.TypedChoiceFilter(
        choices=YES_NO, coerce=lambda value: value == "true", label="Convening organisation"
    )

    class Meta:
        model = Organisation
        fields = []


class EngagementFilter(ListFilterSet):
    search_fields = ("organisation__name", "summary")
    kind = django_filters.ChoiceFilter(choices=EngagementKind.choices, empty_label="Any kind")
    occurred_on__gte = date_from("occurred_on", "From")
    occurred_on__lte = date_to("occurred_on", "To")
    organisation = record_id("organisation", "Organisation")

    class Meta:
        model = Engagement
        fields = []


class PersonFilter(ListFilterSet):
    search_fields = ("name", "job_title", "organisation__name")
    organisation = record_id("organisation", "Organisation")

    class Meta:
        model = Person
        fields = []


class OrganisationHistoryFilter(HistoryFilter):
    """An organisation's history page's filters; the API's list of every organisation's
    changes is narrowed to one by `organisation` (its uid, as in the page's address)."""

    organisation = django_filters.UUIDFilter(
        field_name="uid", label="Organisation", widget=forms.HiddenInput
    )

    class Meta:
        model = Organisation.history.model
        fields = []
