"""Who may see and do what in the accelerator (DESIGN.md, roles).

The convening team and accelerator managers run selection, cohorts, sessions and milestones
for the programme's accelerators. An innovator sees their own organisation's page (its
milestones, sessions, needs, partnerships, application and decision) and records evidence
for its milestones. Once an applicant has been notified, only the convening team may change
the decision. Champions, working-group members, assessors and partner contacts see none of it.
"""

from django.db.models import QuerySet

from partnerbase.accounts.models import Role
from partnerbase.accounts.permissions import acting_for, is_administrator, programme_roles

from .models import CohortMembership

MANAGERS = {Role.TEAM, Role.ACCELERATOR_MANAGER}
INNOVATOR_ROLES = {Role.INNOVATOR}


def can_manage_accelerator(user, programme) -> bool:
    """Decide on applications, run cohorts, sessions and milestones."""
    return is_administrator(user) or bool(programme_roles(user, programme) & MANAGERS)


def can_change_notified_decision(user, programme) -> bool:
    """Change a decision the applicant has already been told: the convening team only."""
    return is_administrator(user) or Role.TEAM in programme_roles(user, programme)


def innovator_organisations(user, programme) -> set[int]:
    """Ids of the organisations `user` acts for as an innovator here."""
    return acting_for(user, programme, INNOVATOR_ROLES)


def can_view_own_page(user, programme) -> bool:
    return bool(innovator_organisations(user, programme))


def visible_places(user, programme) -> QuerySet:
    """The one row rule for cohort places (and so for their milestones and sessions), used
    by the lists and by can_view_innovator: managers see every place, an innovator their
    own organisation's."""
    places = CohortMembership.objects.filter(cohort__accelerator__programme=programme)
    if can_manage_accelerator(user, programme):
        return places
    return places.filter(organisation_id__in=innovator_organisations(user, programme))


def can_view_innovator(user, membership) -> bool:
    rows = visible_places(user, membership.cohort.accelerator.programme)
    return rows.filter(pk=membership.pk).exists()


def can_record_evidence(user, milestone) -> bool:
    return can_view_innovator(user, milestone.membership)


def can_download_evidence(user, milestone) -> bool:
    return can_view_innovator(user, milestone.membership)
