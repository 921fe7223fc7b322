"""Champion targeting's filters (the API's lists; the prospect list filters by stage)."""

from partnerbase.core.filters import list_filter

from .models import Criterion, Prospect

ProspectFilter = list_filter(
    Prospect,
    search=("person__name", "organisation__name", "notes"),
    ids=("organisation",),
    choices=("stage",),
    dates=("stage_changed_on",),
)
ProspectCriterionFilter = list_filter(Criterion, search=("name",), name="ProspectCriterionFilter")
