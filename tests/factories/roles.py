"""The role matrix: who a page test signs in as, and the answer each caller gets.

A matrix test is parametrised over `WHO` (every programme role, a superuser, and a user
with no role in the programme) and signs in with `sign_in(client, who, holder)`, where
`holder(role)` makes a user holding that role in the test's world (each world knows which
organisation a role acts for).
"""

from collections.abc import Callable

from partnerbase.accounts.models import Role, User

from .records import make_user

SUPERUSER, NO_ROLE, ANONYMOUS = "superuser", "no role", "anonymous"
WHO = [*Role.values, SUPERUSER, NO_ROLE]


def user_for(who: str, holder: Callable[[str], User]) -> User | None:
    """The user `who` stands for: none when signed out, a superuser, a user with no role
    here, or `holder(who)` for a programme role."""
    if who == ANONYMOUS:
        return None
    if who == SUPERUSER:
        return User.objects.create_superuser(email="root@example.org", password=None)
    if who == NO_ROLE:
        return make_user()
    return holder(who)


def sign_in(client, who: str, holder: Callable[[str], User]) -> User | None:
    """Sign `client` in as `who` (see `user_for`) and return the user."""
    user = user_for(who, holder)
    if user is not None:
        client.force_login(user)
    return user


def refused(who: str) -> int:
    """The answer to a caller who may not open a page of a programme: 404 to someone with
    no role in it (its existence does not show), 403 to a role that may not."""
    return 404 if who == NO_ROLE else 403


def expected(who: str, allowed) -> int:
    """200 for a caller in `allowed`, else what `refused` says."""
    return 200 if who in allowed else refused(who)
