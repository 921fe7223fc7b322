"""Outcomes' filters, shared by the pages' lists and the API: indicators and the outcome
observations list."""

import django_filters

from partnerbase.core.filters import ListFilterSet, date_from, date_to, list_filter, record_id
from partnerbase.projects.models import ObservationQuality

from .models import OutcomeIndicator, OutcomeKind, OutcomeObservation

OutcomeIndicatorFilter = list_filter(
    OutcomeIndicator, search=("name", "unit"), ids=("organisation",), choices=("kind",)
)


class ObservationFilter(ListFilterSet):
    search_fields = ("indicator__name", "indicator__organisation__name", "evidence")
    quality = django_filters.ChoiceFilter(
        choices=ObservationQuality.choices, empty_label="Estimated or verified", label="Quality"
    )
    kind = django_filters.ChoiceFilter(
        field_name="indicator__kind",
        choices=OutcomeKind.choices,
        empty_label="Any outcome",
        label="Outcome",
    )
    observed_on__gte = date_from("observed_on", "Observed from")
    observed_on__lte = date_to("observed_on", "Observed to")
    organisation = record_id("indicator__organisation", "Innovator")
    indicator = record_id("indicator", "Indicator")

    class Meta:
        model = OutcomeObservation
        fields = []
