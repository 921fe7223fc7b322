"""Innovators' outcome indicators, with their observations nested (format 1.3)."""

from partnerbase.outcomes.models import OutcomeIndicator
from partnerbase.programmes.models import Programme

from ..format import date_text, decimal_text, id_text, sorted_by_id


def _observations(indicator: OutcomeIndicator) -> list[dict]:
    rows = [
        {
            "id": str(o.uid),
            "observed_on": date_text(o.observed_on),
            "value": decimal_text(o.value),
            "quality": o.quality,
            "evidence": o.evidence,
            "evidence_url": o.evidence_url,
            "illustrative": o.illustrative,
        }
        for o in indicator.observations.all()
    ]
    return sorted(rows, key=lambda o: (o["observed_on"], o["id"]))


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
            "observations": _observations(i),
            "illustrative": i.illustrative,
        }
        for i in rows
    )
