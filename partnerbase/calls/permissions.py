"""Who may do what with calls and applications (DESIGN.md, roles).

The convening team and accelerator managers run calls; an innovator sees and edits only its
own organisation's applications; everyone else is refused. The public sees the public call
page only.
"""

from partnerbase.accounts.models import Membership, Role
from partnerbase.accounts.permissions import programme_roles

MANAGER_ROLES = {Role.TEAM, Role.ACCELERATOR_MANAGER}


def _superuser(user) -> bool:
    return bool(getattr(user, "is_superuser", False))


def can_manage_calls(user, programme) -> bool:
    """Create calls, set their questions and rules, read every application."""
    return _superuser(user) or bool(programme_roles(user, programme) & MANAGER_ROLES)


def applicant_organisations(user, programme) -> list:
    """The organisations `user` acts for as an innovator in `programme`."""
    if not getattr(user, "is_authenticated", False):
        return []
    return [
        m.organisation
        for m in Membership.objects.filter(user=user, programme=programme, role=Role.INNOVATOR)
        .select_related("organisation")
        .order_by("id")
        if m.organisation is not None
    ]


def _acts_for(user, organisation) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return Membership.objects.filter(
        user=user, programme_id=organisation.programme_id, role=Role.INNOVATOR,
        organisation=organisation,
    ).exists()  # fmt: skip


def can_view_application(user, application) -> bool:
    return can_manage_calls(user, application.call.programme) or _acts_for(
        user, application.organisation
    )


def can_edit_application(user, application) -> bool:
    """Save, submit or withdraw: only the applicant organisation's own people."""
    return _acts_for(user, application.organisation)


def can_download_answer_file(user, application) -> bool:
    return can_view_application(user, application)


def can_view_own_applications(user, programme) -> bool:
    return Role.INNOVATOR in programme_roles(user, programme)
