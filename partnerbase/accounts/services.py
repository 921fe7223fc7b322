from django.db import transaction

from partnerbase.core.errors import DomainError
from partnerbase.core.history import record_delete, record_save

from .models import Membership, Role, User

# Roles that act for an organisation and so must name one.
ORGANISATION_ROLES = {Role.CHAMPION, Role.INNOVATOR, Role.PARTNER_CONTACT}


@transaction.atomic
def user_create(*, email: str, password: str | None, full_name: str = "") -> User:
    return User.objects.create_user(email=email, password=password, full_name=full_name)


def _check_organisation(programme, role: str, organisation) -> None:
    if role in ORGANISATION_ROLES and organisation is None:
        raise DomainError(
            f"A {Role(role).label.lower()} acts for an organisation: name it.", field="organisation"
        )
    if organisation is not None and organisation.programme_id != programme.pk:
        raise DomainError(f"{organisation} belongs to another programme.", field="organisation")


@transaction.atomic
def membership_grant(
    *, actor, user: User, programme, role: str, organisation=None, reason: str = "Role given"
) -> Membership:
    """Give `user` the role (a role already held is kept as it is)."""
    _check_organisation(programme, role, organisation)
    membership = Membership.objects.filter(
        user=user, programme=programme, role=role, organisation=organisation
    ).first()
    if membership is None:
        membership = Membership(
            user=user, programme=programme, role=role, organisation=organisation
        )
        record_save(membership, actor=actor, reason=reason)
    return membership


def _keep_a_team_member(membership: Membership) -> None:
    """Refuse to take away the programme's last convening-team role: nobody could then
    invite people or give roles (superusers aside, who are not the programme's team)."""
    if membership.role != Role.TEAM:
        return
    team = Membership.objects.select_for_update().filter(
        programme_id=membership.programme_id, role=Role.TEAM
    )
    if not team.exclude(pk=membership.pk).exists():
        raise DomainError(
            f"{membership.user} is the programme’s only convening-team member. "
            "Give someone else the convening team role first.",
            field="role",
        )


@transaction.atomic
def membership_change(*, actor, membership: Membership, role: str, organisation=None) -> Membership:
    """Change a role, or the organisation it acts for; the team keeps at least one member."""
    if role not in Role.values:
        raise DomainError("Choose a role.", field="role")
    if role == Role.TEAM:
        organisation = None
    _check_organisation(membership.programme, role, organisation)
    if role != membership.role:
        _keep_a_team_member(membership)
    clash = Membership.objects.filter(
        user=membership.user_id,
        programme=membership.programme_id,
        role=role,
        organisation=organisation,
    ).exclude(pk=membership.pk)
    if clash.exists():
        raise DomainError(f"{membership.user} already has this role.", field="role")
    was = membership.get_role_display()
    membership.role, membership.organisation = role, organisation
    return record_save(membership, actor=actor, reason=f"Role changed from {was.lower()}")


@transaction.atomic
def membership_remove(*, actor, membership: Membership) -> None:
    """Take a role away; the team keeps at least one member."""
    _keep_a_team_member(membership)
    record_delete(membership, actor=actor, reason="Role removed")
