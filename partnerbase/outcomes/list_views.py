"""Every outcome observation the user may see, across innovators, as a long list: filtered,
sorted, in pages and downloadable as CSV."""

from django.views.decorators.http import require_GET

from partnerbase.core.lists import Column, Sort, list_view
from partnerbase.programmes.access import programme_for

from .filters import ObservationFilter
from .permissions import can_verify_outcomes, can_view_cohort_outcomes, can_view_observations
from .queries import observation_list

OBSERVATION_SORTS = [
    Sort("observed", "Date", ("-observed_on",)),
    Sort("innovator", "Innovator", ("indicator__organisation__name", "indicator__name")),
    Sort("indicator", "Indicator", ("indicator__name", "-observed_on")),
    Sort("value", "Value", ("-value", "-observed_on")),
    Sort("quality", "Quality", ("quality", "-observed_on")),
]
OBSERVATION_COLUMNS = [
    Column("Innovator", lambda o: o.indicator.organisation.name),
    Column("Indicator", lambda o: o.indicator.name),
    Column("Outcome", lambda o: o.indicator.get_kind_display()),
    Column("Date", lambda o: o.observed_on),
    Column("Value", lambda o: o.value.normalize()),
    Column("Unit", lambda o: o.indicator.unit),
    Column("Quality", lambda o: o.get_quality_display()),
    Column("Evidence", lambda o: o.evidence),
    Column("Evidence link", lambda o: o.evidence_url),
    Column("Indicator id", lambda o: o.indicator.uid),
    Column("Id", lambda o: o.uid),
]


@require_GET
def observation_index(request, slug):
    """Every outcome observation the user may see, across innovators."""
    programme = programme_for(request, slug, can_view_observations)
    return list_view(
        request,
        "outcomes/observation_list.html",
        {
            "programme": programme,
            "can_verify": can_verify_outcomes(request.user, programme),
            "can_view_cohort": can_view_cohort_outcomes(request.user, programme),
            "nav_current": "outcomes",
        },
        observation_list(user=request.user, programme=programme).select_related(
            "indicator__organisation"
        ),
        filterset_class=ObservationFilter,
        sorts=OBSERVATION_SORTS,
        columns=OBSERVATION_COLUMNS,
        filename=f"{programme.slug}-outcome-observations.csv",
    )
