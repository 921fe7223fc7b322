"""Innovators' outcome indicators, with their observations nested (format 1.3)."""

from partnerbase.outcomes.models import OutcomeIndicator
from partnerbase.programmes.models import Programme

from ..format import id_text, sorted_by_id
from .projects import observation_rows


def outcome_indicators(p: Programme) -> list[dict]:
    rows = (
        OutcomeIndicator.objects.filter(programme=p)
        .select_related("organisation")
        .prefetch_related("observations")
    )
    return sorted_by_id(
        {
            "id": str(i.uid),
            "organisation": id_text(i.organisation),
            "kind": i.kind,
            "name": i.name,
            "unit": i.unit,
            "observations": observation_rows(i.observations.all(), "evidence_url"),
            "illustrative": i.illustrative,
        }
        for i in rows
    )
