"""Moved to `tests/factories`, one package of test factories for every app; this name stays
for tests written against it before the move."""

from tests.factories.records import (  # noqa: F401
    JOINED,
    ORGANISATION_ROLES,
    STAGE_PATHS,
    Make,
    make_programme,
    make_user,
)
