"""What every accelerator view shares: its navigation (the programme and permission checks
are programmes/access.py's)."""

NAV = "accelerator"


def context(programme, **extra) -> dict:
    return {"programme": programme, "nav_current": NAV, **extra}
