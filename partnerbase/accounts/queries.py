"""Reads for the people pages, the account page and invitation links."""

from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from .models import Invitation, InvitationStatus, Membership, Role, User
from .tokens import token_hash


def _role_order(membership: Membership) -> int:
    """Roles in the order Role lists them (the convening team first), not alphabetically."""
    return Role.values.index(membership.role)


def people_list(*, programme) -> list[dict]:
    """Everyone holding a role in `programme`, by name, each with their roles:
    [{"user": User, "memberships": [Membership, ...]}] in two queries."""
    rows: dict[int, dict] = {}
    memberships = (
        Membership.objects.filter(programme=programme)
        .select_related("user", "organisation")
        .order_by("user__full_name", "user__email", "role", "organisation__name")
    )
    for m in memberships:
        rows.setdefault(m.user_id, {"user": m.user, "memberships": []})["memberships"].append(m)
    for row in rows.values():
        row["memberships"].sort(key=_role_order)
    # By the name shown: the full name, or the email address of someone who gave none.
    return sorted(rows.values(), key=lambda row: str(row["user"]).lower())


def person_get(*, programme, user_id: int) -> tuple[User, list[Membership]]:
    """A person with a role in `programme` and their roles there; 404 for anyone else."""
    memberships = list(
        Membership.objects.filter(programme=programme, user_id=user_id)
        .select_related("user", "organisation")
        .order_by("role", "organisation__name")
    )
    if not memberships:
        raise Http404("No such person in this programme")
    return memberships[0].user, sorted(memberships, key=_role_order)


def membership_get(*, programme, user_id: int, pk: int) -> Membership:
    return get_object_or_404(
        Membership.objects.select_related("user", "organisation", "programme"),
        programme=programme,
        user_id=user_id,
        pk=pk,
    )


def invitation_list(*, programme) -> QuerySet:
    """Invitations not yet taken up or withdrawn (expired ones too: they can be resent)."""
    return Invitation.objects.filter(
        programme=programme, status=InvitationStatus.PENDING
    ).select_related("organisation", "invited_by")


def invitation_get(*, programme, uid) -> Invitation:
    return get_object_or_404(
        Invitation.objects.select_related("programme", "organisation"),
        programme=programme,
        uid=uid,
    )


def invitation_by_token(token: str) -> tuple[Invitation | None, str]:
    """The invitation a link's token opens, and why it cannot be used ("" if it can): a
    token that an invitation once had but no longer has was replaced by a resend."""
    digest = token_hash(token)
    invitation = (
        Invitation.objects.select_related("programme", "organisation", "invited_by")
        .filter(token_hash=digest)
        .first()
    )
    if invitation is not None:
        return invitation, invitation.problem()
    replaced = Invitation.history.filter(token_hash=digest).exists()
    return None, "replaced" if replaced else "unknown"


def organisation_choices(*, programme) -> QuerySet:
    """The organisations a role in `programme` can act for."""
    # The organisation model as Membership names it: accounts sits below the directory.
    organisations = Membership._meta.get_field("organisation").related_model
    return organisations.objects.filter(programme=programme).order_by("name")


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
