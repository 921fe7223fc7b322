"""Moved to `tests/factories/calls.py`; this name stays for tests written before the move."""

from tests.factories.calls import good_answers, make_call  # noqa: F401
