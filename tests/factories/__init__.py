"""Test factories shared by every app: records built through the services (`records`) and
the role matrix (`roles`)."""

from .records import JOINED, ORGANISATION_ROLES, STAGE_PATHS, Make, make_programme, make_user
from .roles import ANONYMOUS, NO_ROLE, SUPERUSER, WHO, expected, refused, sign_in, user_for

__all__ = [
    "ANONYMOUS",
    "JOINED",
    "NO_ROLE",
    "ORGANISATION_ROLES",
    "STAGE_PATHS",
    "SUPERUSER",
    "WHO",
    "Make",
    "expected",
    "make_programme",
    "make_user",
    "refused",
    "sign_in",
    "user_for",
]
