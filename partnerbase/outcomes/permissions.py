"""Who may see and record innovators' outcomes; each tested for every role.

The convening team and accelerator managers see every innovator's outcomes and verify them;
champions read them, as they read the dashboard. An innovator sees and records its own
organisation's outcomes, as estimates: verifying is for the team and the managers.
"""

from django.db.models import Q, QuerySet

from partnerbase.accounts.models import Role
from partnerbase.accounts.permissions import (
    acting_for,
    can_view_dashboard,
    is_administrator,
    programme_roles,
)
from partnerbase.directory.models import Organisation

from .models import OutcomeIndicator, OutcomeObservation

MANAGERS = {Role.TEAM, Role.ACCELERATOR_MANAGER}


def can_verify_outcomes(user, programme) -> bool:
    return is_administrator(user) or bool(programme_roles(user, programme) & MANAGERS)


def can_view_cohort_outcomes(user, programme) -> bool:
    return can_verify_outcomes(user, programme) or can_view_dashboard(user, programme)


def can_record_outcomes(user, programme, organisation) -> bool:
    return can_verify_outcomes(user, programme) or organisation.pk in acting_for(
        user, programme, roles=[Role.INNOVATOR]
    )


def sees_outcomes_of(user, programme, organisation: str) -> Q:
    """The one row rule for outcomes, as a condition on the lookup `organisation` names
    (the organisation's id): those who read the cohort's outcomes see every organisation's,
    an innovator its own organisation's. The pages, their lists and the API all ask it."""
    if can_view_cohort_outcomes(user, programme):
        return Q()
    return Q(**{f"{organisation}__in": acting_for(user, programme, roles=[Role.INNOVATOR])})


def visible_indicators(user, programme) -> QuerySet:
    rule = sees_outcomes_of(user, programme, "organisation_id")
    return OutcomeIndicator.objects.filter(rule, programme=programme)


def visible_observations(user, programme) -> QuerySet:
    rule = sees_outcomes_of(user, programme, "indicator__organisation_id")
    return OutcomeObservation.objects.filter(rule, indicator__programme=programme)


def can_view_outcomes(user, programme, organisation) -> bool:
    """An organisation's outcomes page (and its indicators and observations)."""
    rule = sees_outcomes_of(user, programme, "pk")
    return Organisation.objects.filter(rule, programme=programme, pk=organisation.pk).exists()


def can_view_observations(user, programme) -> bool:
    """The list of observations: those who read every innovator's outcomes, and an
    innovator (who sees its own organisation's there)."""
    return can_view_cohort_outcomes(user, programme) or bool(
        acting_for(user, programme, roles=[Role.INNOVATOR])
    )
