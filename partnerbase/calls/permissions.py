"""Who may do what with calls and applications (DESIGN.md, roles).

The convening team and accelerator managers run calls. An organisation's own people see and
change only its applications: its innovators, and its applicants (people who created an
account on a call's page; they hold no programme role until selection makes them the
organisation's innovators). Everyone else is refused; the public sees the public call page.
"""

from django.db.models import QuerySet

from partnerbase.accounts.models import Membership, Role
from partnerbase.accounts.permissions import is_administrator, programme_roles
from partnerbase.directory.models import Organisation

from .models import Applicant, Application

MANAGER_ROLES = {Role.TEAM, Role.ACCELERATOR_MANAGER}


def can_manage_calls(user, programme) -> bool:
    """Create calls, set their questions and rules, read every application."""
    return is_administrator(user) or bool(programme_roles(user, programme) & MANAGER_ROLES)


def _applying_for(user, programme_id: int) -> set[int]:
    """Ids of the organisations `user` applies for in the programme, as an innovator or an
    applicant; cached on the user for the request."""
    if not getattr(user, "is_authenticated", False):
        return set()
    cache = user.__dict__.setdefault("_applying_for", {})
    if programme_id not in cache:
        innovator = Membership.objects.filter(
            user=user, programme_id=programme_id, role=Role.INNOVATOR, organisation__isnull=False
        )
        applicant = Applicant.objects.filter(user=user, programme_id=programme_id)
        # One query for both; a union's parts take no ordering.
        cache[programme_id] = set(
            innovator.order_by()
            .values_list("organisation_id", flat=True)
            .union(applicant.order_by().values_list("organisation_id", flat=True))
        )
    return cache[programme_id]


def applicant_organisations(user, programme) -> list:
    """The organisations `user` applies for in `programme`, oldest first."""
    ids = _applying_for(user, programme.pk)
    return list(Organisation.objects.filter(pk__in=ids).order_by("id")) if ids else []


def _acts_for(user, organisation) -> bool:
    return organisation.pk in _applying_for(user, organisation.programme_id)


def visible_applications(user, programme) -> QuerySet:
    """The one row rule for applications, used by the lists and by can_view_application:
    those who run the calls read every call's, an organisation's innovators and applicants
    its own. (Assessors read theirs through their assignments.)"""
    applications = Application.objects.filter(call__programme=programme)
    if can_manage_calls(user, programme):
        return applications
    return applications.filter(organisation_id__in=_applying_for(user, programme.pk))


def can_view_application(user, application) -> bool:
    rows = visible_applications(user, application.call.programme)
    return rows.filter(pk=application.pk).exists()


def can_edit_application(user, application) -> bool:
    """Save, submit or withdraw: only the applicant organisation's own people."""
    return _acts_for(user, application.organisation)


def can_download_answer_file(user, application) -> bool:
    return can_view_application(user, application)


def can_view_own_applications(user, programme) -> bool:
    return bool(_applying_for(user, programme.pk))
