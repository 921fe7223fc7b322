"""What every brokering view shares: its navigation and today (the programme and permission
checks are programmes/access.py's)."""

from django.utils import timezone

NAV = "brokering"


def today():
    return timezone.localdate()


def context(programme, **extra) -> dict:
    return {"programme": programme, "nav_current": NAV, **extra}
