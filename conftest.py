"""Test settings every test directory shares."""

import pytest


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """SQLite tests run on a shared in-memory database, whose table locks ignore the busy
    timeout: an IMMEDIATE transaction in one thread (a brokering round's) would make the
    live server's reads fail at once. Tests keep SQLite's default, deferred transactions;
    the file databases of the demo and production take the write lock at BEGIN."""
    from django.conf import settings

    settings.DATABASES["default"].get("OPTIONS", {}).pop("transaction_mode", None)
