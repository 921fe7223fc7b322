"""Reads for the account page."""

from .models import Membership, Role


def _role_order(membership: Membership) -> int:
    """Roles in the order Role lists them (the convening team first), not alphabetically."""
    return Role.values.index(membership.role)


def roles_by_programme(*, user) -> list[dict]:
    """The account page: [{"programme": Programme, "memberships": [...]}], by programme name."""
    rows: dict[int, dict] = {}
    memberships = (
        Membership.objects.filter(user=user)
        .select_related("programme", "organisation")
        .order_by("programme__name", "role", "organisation__name")
    )
    for m in memberships:
        rows.setdefault(m.programme_id, {"programme": m.programme, "memberships": []})[
            "memberships"
        ].append(m)
    for row in rows.values():
        row["memberships"].sort(key=_role_order)
    return list(rows.values())
