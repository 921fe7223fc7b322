from django.db import transaction

from partnerbase.core.errors import DomainError

from .models import Membership, Role, User

# Roles that act for an organisation and so must name one.
ORGANISATION_ROLES = {Role.CHAMPION, Role.INNOVATOR, Role.PARTNER_CONTACT}


@transaction.atomic
def user_create(*, email: str, password: str | None, full_name: str = "") -> User:
    return User.objects.create_user(email=email, password=password, full_name=full_name)


@transaction.atomic
def membership_grant(*, actor, user: User, programme, role: str, organisation=None) -> Membership:
    if role in ORGANISATION_ROLES and organisation is None:
        raise DomainError(
            f"A {Role(role).label.lower()} acts for an organisation: name it.", field="organisation"
        )
    if organisation is not None and organisation.programme_id != programme.pk:
        raise DomainError(f"{organisation} belongs to another programme.", field="organisation")
    membership, _ = Membership.objects.get_or_create(
        user=user, programme=programme, role=role, organisation=organisation
    )
    return membership
