#!/usr/bin/env python
"""The database's own sum of a million amounts at the maximum, as the figures ask for it.

    python benchmarks/money_bounds.py [--rows 1000000] [--database sqlite|postgres|both]

`impact/figures.py` sums `amount_minor` (a 64-bit integer column) per currency and day in
the database. This script makes a table of that shape and asks the same question, with all
the rows on one day (the worst case: one group holds every row), at three per-row amounts:

- the maximum, 10^12 minor units (core/limits.py): must not overflow at a million rows;
- the most a 64-bit sum can hold spread over the rows: the edge, still exact;
- the probe's amount, 9,223,372,036,854,775,807 (2^63 - 1) pence: two rows overflow SQLite.

The rows are made inside the database (a recursive CTE on SQLite, generate_series on
PostgreSQL), so the run takes seconds. PostgreSQL uses BENCH_POSTGRES_URL, default
postgres://partnerbase:partnerbase@127.0.0.1:5432/partnerbase_bounds, in a temporary table.
Prints one table. See benchmarks/README.md.
"""

import argparse
import os
import sqlite3
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from partnerbase.core.limits import MAX_MINOR  # noqa: E402  (pure: no Django)

INT64 = 2**63 - 1
DEFAULT_POSTGRES_URL = "postgres://partnerbase:partnerbase@127.0.0.1:5432/partnerbase_bounds"
QUERY = "SELECT currency, award_date, SUM(amount_minor) FROM awards GROUP BY currency, award_date"


def cases(rows: int) -> list[tuple[str, int, int]]:
    """(name, rows, amount per row)."""
    return [
        ("the maximum, 10^12", rows, MAX_MINOR),
        ("2^63 - 1 spread over the rows", rows, INT64 // rows),
        ("the probe's 2^63 - 1 pence", 2, INT64),
    ]


def run_sqlite(rows: int, amount: int) -> tuple[str, float]:
    db = sqlite3.connect(":memory:")
    db.execute(
        "CREATE TABLE awards (id INTEGER PRIMARY KEY, currency TEXT, award_date TEXT, "
        "amount_minor BIGINT NOT NULL)"
    )
    db.execute(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) "
        "INSERT INTO awards (currency, award_date, amount_minor) "
        "SELECT 'GBP', '2017-07-03', ? FROM n",
        (rows, amount),
    )
    started = time.perf_counter()
    try:
        result = db.execute(QUERY).fetchall()[0][2]
    except sqlite3.OperationalError as exc:
        return f"error: {exc}", time.perf_counter() - started
    return f"{result:,}", time.perf_counter() - started


def run_postgres(url: str, rows: int, amount: int) -> tuple[str, float]:
    import psycopg

    with psycopg.connect(url) as db:
        db.execute(
            "CREATE TEMPORARY TABLE awards (id bigserial PRIMARY KEY, currency text, "
            "award_date date, amount_minor bigint NOT NULL)"
        )
        db.execute(
            "INSERT INTO awards (currency, award_date, amount_minor) "
            "SELECT 'GBP', DATE '2017-07-03', %s FROM generate_series(1, %s)",
            (amount, rows),
        )
        started = time.perf_counter()
        result = db.execute(QUERY).fetchall()[0][2]
        return f"{result:,} ({type(result).__name__})", time.perf_counter() - started


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--database", choices=["sqlite", "postgres", "both"], default="both")
    args = parser.parse_args(argv)
    url = os.environ.get("BENCH_POSTGRES_URL", DEFAULT_POSTGRES_URL)
    databases = ["sqlite", "postgres"] if args.database == "both" else [args.database]
    table = []
    for database in databases:
        for name, rows, amount in cases(args.rows):
            if database == "sqlite":
                result, took = run_sqlite(rows, amount)
            else:
                result, took = run_postgres(url, rows, amount)
            expected = rows * amount
            exact = "yes" if result.split(" ")[0].replace(",", "") == str(expected) else "NO"
            table.append((database, name, f"{rows:,}", f"{amount:,}", result, exact, took))
    header = ("database", "amount per row", "rows", "minor units", "SUM", "exact", "seconds")
    cells = [header, *[(*row[:6], f"{row[6]:.3f}") for row in table]]
    widths = [max(len(str(row[i])) for row in cells) for i in range(len(header))]
    for row in cells:
        print("  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
