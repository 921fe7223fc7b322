"""Outcomes' filters: the indicators (the observations have their own)."""

from partnerbase.core.filters import list_filter

from .models import OutcomeIndicator

OutcomeIndicatorFilter = list_filter(
    OutcomeIndicator, search=("name", "unit"), ids=("organisation",), choices=("kind",)
)
