"""Who may do what, as small functions; each is tested for every role (DESIGN.md, roles)."""

from .models import Membership, Role

# Roles that may read a programme's dashboard and open its figures to their records.
DASHBOARD_ROLES = {Role.TEAM, Role.CHAMPION, Role.ACCELERATOR_MANAGER}
# Roles that may browse the programme's directory of organisations.
DIRECTORY_ROLES = {Role.TEAM, Role.ACCELERATOR_MANAGER}


def is_administrator(user) -> bool:
    """The installation's administrator, who may do anything in every programme."""
    return bool(getattr(user, "is_superuser", False))


def programme_roles(user, programme) -> set[str]:
    """The roles `user` holds in `programme`, cached on the user for the request."""
    if not getattr(user, "is_authenticated", False):
        return set()
    cache = user.__dict__.setdefault("_programme_roles", {})
    if programme.pk not in cache:
        cache[programme.pk] = set(
            Membership.objects.filter(user=user, programme=programme).values_list("role", flat=True)
        )
    return cache[programme.pk]


def acting_memberships(user, programme) -> list[tuple[str, int]]:
    """(role, organisation id) for each role the user holds for an organisation in
    `programme`, in one query cached on the user for the request."""
    if not getattr(user, "is_authenticated", False):
        return []
    cache = user.__dict__.setdefault("_acting_memberships", {})
    if programme.pk not in cache:
        cache[programme.pk] = list(
            Membership.objects.filter(
                user=user, programme=programme, organisation__isnull=False
            ).values_list("role", "organisation_id")
        )
    return cache[programme.pk]


def acting_for(user, programme, roles=None) -> set[int]:
    """Ids of the organisations the user acts for in the programme (in `roles`, if given)."""
    return {
        organisation
        for role, organisation in acting_memberships(user, programme)
        if roles is None or role in roles
    }


def can_view_programme(user, programme) -> bool:
    return bool(getattr(user, "is_superuser", False) or programme_roles(user, programme))


def can_view_dashboard(user, programme) -> bool:
    return bool(
        getattr(user, "is_superuser", False) or programme_roles(user, programme) & DASHBOARD_ROLES
    )


def can_view_figure_records(user, programme) -> bool:
    return can_view_dashboard(user, programme)


def can_view_directory(user, programme) -> bool:
    return bool(
        getattr(user, "is_superuser", False) or programme_roles(user, programme) & DIRECTORY_ROLES
    )


def can_manage_programme(user, programme) -> bool:
    """Create and change the programme's records: the convening team."""
    return bool(
        getattr(user, "is_superuser", False) or Role.TEAM in programme_roles(user, programme)
    )


def can_manage_people(user, programme) -> bool:
    """Invite people, resend and withdraw invitations, change and remove roles."""
    return can_manage_programme(user, programme)
