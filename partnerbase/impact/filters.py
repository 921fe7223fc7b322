"""The targets' filters."""

from partnerbase.core.filters import list_filter

from .models import Target

TargetFilter = list_filter(Target, choices=("figure",), dates=("set_on",))
