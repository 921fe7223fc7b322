from datetime import date
from decimal import Decimal, InvalidOperation

from django.db import transaction

from partnerbase.core.currencies import exponent
from partnerbase.core.errors import DomainError
from partnerbase.core.history import record_save
from partnerbase.core.services import same_programme
from partnerbase.projects.models import ObservationQuality

from .models import KIND_UNITS, OutcomeIndicator, OutcomeKind, OutcomeObservation


@transaction.atomic
def outcome_indicator_add(
    *,
    actor,
    programme,
    organisation,
    kind: str,
    name: str = "",
    unit: str = "",
    illustrative: bool = False,
    uid=None,
) -> OutcomeIndicator:
    """An indicator for an innovator; the name and unit default to the kind's."""
    same_programme(programme, organisation=organisation)
    if kind not in OutcomeKind.values:
        raise DomainError("Choose what the indicator measures.", field="kind")
    name = name.strip() or OutcomeKind(kind).label
    unit = unit.strip() or KIND_UNITS.get(kind, "")
    if not unit:
        raise DomainError("Enter the unit the indicator is counted in.", field="unit")
    if kind == OutcomeKind.REVENUE and (len(unit) != 3 or not unit.isalpha() or not unit.isupper()):
        raise DomainError(
            "Revenue is counted in a currency: enter its code, for example GBP.", field="unit"
        )
    if OutcomeIndicator.objects.filter(organisation=organisation, name=name).exists():
        raise DomainError(f"{organisation} already has an indicator called {name}.", field="name")
    indicator = OutcomeIndicator(
        programme=programme,
        organisation=organisation,
        kind=kind,
        name=name,
        unit=unit,
        illustrative=illustrative,
    )
    return record_save(indicator, uid=uid, actor=actor, reason="Outcome indicator added")


def _checked_value(indicator: OutcomeIndicator, value) -> Decimal:
    try:
        value = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        raise DomainError("Enter the value as a number, like 3000.", field="value") from None
    if not value.is_finite():
        raise DomainError("Enter the value as a number, like 3000.", field="value")
    if value < 0:
        raise DomainError("The value cannot be negative.", field="value")
    if indicator.kind == OutcomeKind.REVENUE:
        places = exponent(indicator.unit)
        if value != value.quantize(Decimal(1).scaleb(-places)):
            raise DomainError(
                f"{indicator.unit} has at most {places} decimal places.", field="value"
            )
    return value


@transaction.atomic
def outcome_observation_record(
    *,
    actor,
    indicator: OutcomeIndicator,
    observed_on: date,
    value,
    quality: str,
    evidence: str = "",
    evidence_url: str = "",
    illustrative: bool = False,
    uid=None,
) -> OutcomeObservation:
    value = _checked_value(indicator, value)
    if quality not in ObservationQuality.values:
        raise DomainError("Say whether the value is an estimate or verified.", field="quality")
    if quality == ObservationQuality.VERIFIED and not (evidence.strip() or evidence_url):
        raise DomainError("Give the evidence that verifies the value.", field="evidence")
    observation = OutcomeObservation(
        indicator=indicator,
        observed_on=observed_on,
        value=value,
        quality=quality,
        evidence=evidence.strip(),
        evidence_url=evidence_url,
        illustrative=illustrative,
    )
    return record_save(observation, uid=uid, actor=actor, reason="Outcome observed")


@transaction.atomic
def outcome_observation_verify(
    *, actor, observation: OutcomeObservation, evidence: str, evidence_url: str = ""
) -> OutcomeObservation:
    """An estimate checked against its evidence becomes verified; the history keeps both."""
    if observation.quality == ObservationQuality.VERIFIED:
        raise DomainError("The observation is already verified.", field="evidence")
    if not (evidence.strip() or evidence_url):
        raise DomainError("Give the evidence that verifies the value.", field="evidence")
    observation.quality = ObservationQuality.VERIFIED
    observation.evidence = evidence.strip()
    observation.evidence_url = evidence_url or observation.evidence_url
    return record_save(observation, actor=actor, reason="Observation verified")
