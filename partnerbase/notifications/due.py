"""Reminders that fall due with time (`partnerbase notifications due`).

The records they are about live in the domain apps above this one, so each app registers
its own reminder function here when it is ready (e.g. pledges/reminders.py); the command
runs them all. Each must be idempotent: run daily, it tells a person once per reminder.
"""

from collections.abc import Callable
from datetime import date

_SOURCES: list[Callable[..., int]] = []


def due_source(func: Callable[..., int]) -> Callable[..., int]:
    """Register `func(*, today) -> int` (how many notifications it made)."""
    if func not in _SOURCES:
        _SOURCES.append(func)
    return func


def due_notifications_make(*, today: date) -> int:
    return sum(source(today=today) for source in _SOURCES)
