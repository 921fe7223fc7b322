"""The bounds every input is held to (docs/limits.md). Pure Python: no Django.

Money: at most MAX_MINOR minor units (pence, cents) per amount. The bound is in minor units,
not pounds, because what must not overflow is the database's sum of minor units, a 64-bit
integer on SQLite (9,223,372,036,854,775,807): a million amounts at the maximum sum to
10^18, so any 9.2 million of them fit. PostgreSQL sums bigints as numeric and cannot
overflow. For GBP, USD and EUR the maximum is 10,000,000,000.00 (ten billion).

Dates: MIN_DATE to MAX_DATE; a programme's records are dated within living memory of it.
"""

from datetime import date

MAX_MINOR = 10**12
MIN_DATE = date(1900, 1, 1)
MAX_DATE = date(2100, 12, 31)
# JSON files: deeper nesting than this is no Partnerbase document (the interchange format
# itself needs 5 levels), and refusing it early keeps the parser off Python's recursion limit.
MAX_JSON_DEPTH = 64
# Digits in a JSON integer: 10^12 minor units is 13 digits; 30 leaves room and refuses the
# 5,000-digit numbers that Python would otherwise spend seconds converting.
MAX_JSON_INT_DIGITS = 30


def date_problem(value: date) -> str | None:
    """Why a date is outside the range Partnerbase keeps, or None."""
    if not MIN_DATE <= value <= MAX_DATE:
        return (
            f"must be between {MIN_DATE:%-d %B %Y} and {MAX_DATE:%-d %B %Y}, "
            f"not {value.isoformat()}"
        )
    return None
