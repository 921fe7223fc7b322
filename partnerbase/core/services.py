"""Helpers every app's services share."""

from partnerbase.core.errors import DomainError


def same_programme(programme, **records) -> None:
    """Refuse to link records across programmes; names the offending field."""
    for field, record in records.items():
        if record is not None and record.programme_id != programme.pk:
            raise DomainError(f"{record} belongs to another programme.", field=field)


def depends_on_message(thing: str, dependents: list[tuple[str, str, list[str]]]) -> str:
    """ "Cannot remove: 2 members (Ann, Bo) and 1 idea (Peer support) belong to this
    working group." from (singular, plural, names) triples; kinds with no names are left out."""
    parts = []
    for singular, plural, names in dependents:
        if not names:
            continue
        shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
        parts.append(f"{len(names)} {singular if len(names) == 1 else plural} ({shown})")
    if not parts:
        return ""
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    verb = "belongs" if len(parts) == 1 and parts[0].startswith("1 ") else "belong"
    return f"Cannot remove: {listed} {verb} to this {thing}."
