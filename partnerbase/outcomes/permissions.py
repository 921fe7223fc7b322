"""Who may see and record innovators' outcomes; each tested for every role.

The convening team and accelerator managers see every innovator's outcomes and verify them;
champions read them, as they read the dashboard. An innovator sees and records its own
organisation's outcomes, as estimates: verifying is for the team and the managers.
"""

from partnerbase.accounts.models import Role
from partnerbase.accounts.permissions import (
    acting_for,
    can_view_dashboard,
    is_administrator,
    programme_roles,
)

MANAGERS = {Role.TEAM, Role.ACCELERATOR_MANAGER}


def can_verify_outcomes(user, programme) -> bool:
    return is_administrator(user) or bool(programme_roles(user, programme) & MANAGERS)


def can_view_cohort_outcomes(user, programme) -> bool:
    return can_verify_outcomes(user, programme) or can_view_dashboard(user, programme)


def can_record_outcomes(user, programme, organisation) -> bool:
    return can_verify_outcomes(user, programme) or organisation.pk in acting_for(
        user, programme, roles=[Role.INNOVATOR]
    )


def can_view_outcomes(user, programme, organisation) -> bool:
    return can_view_cohort_outcomes(user, programme) or can_record_outcomes(
        user, programme, organisation
    )


def can_view_observations(user, programme) -> bool:
    """The list of observations: those who read every innovator's outcomes, and an
    innovator (who sees its own organisation's there)."""
    return can_view_cohort_outcomes(user, programme) or bool(
        acting_for(user, programme, roles=[Role.INNOVATOR])
    )
