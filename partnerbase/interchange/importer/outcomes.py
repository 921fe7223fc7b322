"""Creating innovators' outcome indicators and their observations (format 1.3)."""

from partnerbase.outcomes import services as outcomes

from ..restore import nested
from .base import file_date as _date


class OutcomeSteps:
    def outcome_indicator(self, r: dict):
        indicator = outcomes.outcome_indicator_add(
            **self.common(r),
            programme=self.programme,
            organisation=self.ref(r["organisation"]),
            kind=r["kind"],
            name=r["name"],
            unit=r["unit"],
        )
        for n, o in enumerate(r.get("observations", [])):
            with nested(f"observations[{n}]"):
                self.pending[o["id"]] = outcomes.outcome_observation_record(
                    **self.common(o),
                    indicator=indicator,
                    observed_on=_date(o, "observed_on"),
                    value=o["value"],
                    quality=o["quality"],
                    evidence=o.get("evidence", ""),
                    evidence_url=o.get("evidence_url", ""),
                )
        return indicator
