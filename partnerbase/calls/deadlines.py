"""When a call takes applications, and its times in UK words: pure Python, no Django.

A call is open from `opens_at` (included) until `closes_at` (excluded): a call that closes
at 12pm refuses a submission made at 12:00:00. Times are aware datetimes; the manager enters
them as UK local time, which is GMT in winter and BST (GMT+1) in summer.
"""

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

UK = ZoneInfo("Europe/London")


class NonexistentTime(ValueError):
    """A UK local time skipped when the clocks go forward (e.g. 1:30am on the last Sunday
    of March)."""


def is_open(opens_at: datetime, closes_at: datetime, now: datetime) -> bool:
    return opens_at <= now < closes_at


def uk_local(day: date, at: time) -> datetime:
    """The aware datetime of a UK wall-clock time; refuses a time the clocks skip.

    A time that happens twice (when the clocks go back) means the first, BST, one. The
    result is in UTC: an ambiguous UK time never compares equal across zones."""
    candidate = datetime.combine(day, at).replace(tzinfo=UK, fold=0)
    utc = candidate.astimezone(UTC)
    if utc.astimezone(UK).replace(tzinfo=None) != candidate.replace(tzinfo=None):
        raise NonexistentTime(
            f"{format_time(candidate)} does not exist in the UK on {day.day} {day:%B %Y}: "
            "the clocks go forward"
        )
    return utc


def format_time(moment: datetime) -> str:
    """GOV.UK style time of day: 9am, 5:30pm, 12pm (midday), 12am (midnight)."""
    hour = moment.hour % 12 or 12
    suffix = "am" if moment.hour < 12 else "pm"
    minutes = f":{moment.minute:02d}" if moment.minute else ""
    return f"{hour}{minutes}{suffix}"


def format_uk(moment: datetime) -> str:
    """'12pm on Friday 3 November 2017 (GMT)': the moment in UK time, with its zone."""
    local = moment.astimezone(UK)
    return f"{format_time(local)} on {local:%A} {local.day} {local:%B %Y} ({local.tzname()})"


def parse_time(text: str) -> time:
    """A time of day as people type it: 12pm, 9:30am, 17:00, midday, midnight."""
    value = text.strip().lower().replace(" ", "").replace(".", ":")
    if value in ("midday", "noon"):
        return time(12, 0)
    if value == "midnight":
        return time(0, 0)
    suffix = value[-2:] if value[-2:] in ("am", "pm") else ""
    value = value[: -len(suffix)] if suffix else value
    hours, _, minutes = value.partition(":")
    if not hours.isdigit() or (minutes and not (minutes.isdigit() and len(minutes) == 2)):
        raise ValueError("Enter a time like 12pm, 9:30am or 17:00")
    hour, minute = int(hours), int(minutes or 0)
    if suffix:
        if not 1 <= hour <= 12:
            raise ValueError("Enter a time like 12pm, 9:30am or 17:00")
        hour = hour % 12 + (12 if suffix == "pm" else 0)
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise ValueError("Enter a real time, like 12pm, 9:30am or 17:00")
    return time(hour, minute)
