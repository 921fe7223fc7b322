"""Format 1.3's innovator outcomes for the small programme: a baseline and a verified value."""

from datetime import date

from partnerbase.outcomes import services as outcomes


def outcome_records(actor, p, innovator) -> None:
    indicator = outcomes.outcome_indicator_add(
        actor=actor, programme=p, organisation=innovator, kind="revenue", illustrative=True
    )
    outcomes.outcome_observation_record(
        actor=actor,
        indicator=indicator,
        observed_on=date(2018, 2, 1),
        value="1000.50",
        quality="estimate",
    )
    outcomes.outcome_observation_record(
        actor=actor,
        indicator=indicator,
        observed_on=date(2018, 9, 1),
        value="2500",
        quality="verified",
        evidence="Audited accounts",
        evidence_url="https://example.org/a",
    )
