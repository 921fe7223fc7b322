#!/usr/bin/env python
"""Time the six headline figures against hand-written SQL on a large programme.

    python benchmarks/figures.py [--organisations 100000] [--awards 1000000]
                                 [--database sqlite|postgres|both] [--repeat 5]

For each database, and for the requested size and one ten times smaller, a child process
(this script with --child, and DATABASE_URL set for it) migrates a fresh database, loads a
seeded programme, then times `headline_figures(programme, period)` and the fastest raw SQL
we could write for the same six numbers, counts the queries of each and checks that both
give the same numbers. The parent prints one table. See benchmarks/README.md.

The data set is built by figures_data.py (with figures_loader.py and figures_data_brokering.py)
and the hand-written SQL lives in figures_sql.py. They sit next to this script, which is on
sys.path when it runs, and import nothing from Django until the child has set it up.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from figures_data import data_summary, generate
from figures_loader import SEED
from figures_sql import handwritten

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_POSTGRES_URL = "postgres://partnerbase:partnerbase@127.0.0.1:5432/partnerbase_bench"


# --- the parent: one child per (database, size), then the table -----------------------------


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--organisations", type=int, default=100_000)
    parser.add_argument("--awards", type=int, default=1_000_000)
    parser.add_argument("--database", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="keep a data set built by an earlier run with the same sizes instead of "
        "migrating a fresh database (for working on the figures; not for reported numbers)",
    )
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--result", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def database_url(database: str, organisations: int, awards: int) -> str:
    if database == "sqlite":
        path = ROOT / "var" / "bench" / f"figures-o{organisations}-a{awards}.sqlite3"
        path.parent.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{path}"
    # One schema per size in the benchmark database, so the two sizes do not clash.
    base = os.environ.get("BENCH_POSTGRES_URL", DEFAULT_POSTGRES_URL)
    joiner = "&" if "?" in base else "?"
    return f"{base}{joiner}options=-c%20search_path%3D{schema_name(organisations, awards)}"


def schema_name(organisations: int, awards: int) -> str:
    return f"bench_figures_o{organisations}_a{awards}"


def run_child(args, database: str, organisations: int, awards: int) -> dict:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="partnerbase.settings",
        DATABASE_URL=database_url(database, organisations, awards),
        DEBUG="0",
        PYTHONPATH=str(ROOT) + os.pathsep + env.get("PYTHONPATH", ""),
    )
    with tempfile.TemporaryDirectory() as tmp:
        result = Path(tmp) / "result.json"
        command = [
            sys.executable,
            __file__,
            "--child",
            "--database",
            database,
            "--organisations",
            str(organisations),
            "--awards",
            str(awards),
            "--repeat",
            str(args.repeat),
            "--result",
            str(result),
        ] + (["--reuse"] if args.reuse else [])
        subprocess.run(command, env=env, check=True, cwd=ROOT)
        return json.loads(result.read_text())


def print_table(rows: list[dict]) -> None:
    header = (
        "database",
        "organisations",
        "awards",
        "ORM median s",
        "ORM min s",
        "ORM queries",
        "SQL median s",
        "SQL min s",
        "SQL queries",
        "ORM/SQL min",
        "ORM/SQL median",
        "equal",
    )
    lines = [
        (
            r["database"],
            f"{r['organisations']:,}",
            f"{r['awards']:,}",
            f"{r['orm_median']:.3f}",
            f"{r['orm_min']:.3f}",
            str(r["orm_queries"]),
            f"{r['sql_median']:.3f}",
            f"{r['sql_min']:.3f}",
            str(r["sql_queries"]),
            f"{r['orm_min'] / r['sql_min']:.2f}",
            f"{r['orm_median'] / r['sql_median']:.2f}",
            "yes" if r["equal"] else "NO",
        )
        for r in rows
    ]
    widths = [max(len(h), *(len(line[i]) for line in lines)) for i, h in enumerate(header)]
    print()
    print("  ".join(h.rjust(w) for h, w in zip(header, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for line in lines:
        print("  ".join(c.rjust(w) for c, w in zip(line, widths, strict=True)))


def parent(args) -> int:
    databases = ["sqlite", "postgres"] if args.database == "both" else [args.database]
    sizes = [
        (max(args.organisations // 10, 100), max(args.awards // 10, 100)),
        (args.organisations, args.awards),
    ]
    rows = []
    for database in databases:
        for organisations, awards in sizes:
            print(f"\n== {database}: {organisations:,} organisations, {awards:,} awards")
            sys.stdout.flush()
            rows.append(run_child(args, database, organisations, awards))
    print_table(rows)

    problems = []
    for database in databases:
        counts = {r["orm_queries"] for r in rows if r["database"] == database}
        if len(counts) != 1:
            problems.append(f"{database}: the query count changes with the data size: {counts}")
    for r in rows:
        where = f"{r['database']} at {r['awards']:,} awards"
        if not r["equal"]:
            problems.append(f"{where}: the ORM and SQL numbers differ")
        # The time limit is for the programme asked for; on the small one the ORM's fixed
        # cost (building and compiling seven queries, a few milliseconds) weighs more. The
        # minimum times are compared: on a shared machine they vary least between runs.
        full_size = (r["organisations"], r["awards"]) == (args.organisations, args.awards)
        if full_size and r["orm_min"] > 1.2 * r["sql_min"]:
            problems.append(f"{where}: the ORM takes more than 1.2 times the SQL's time")
    print()
    print("\n".join(problems) or "Same numbers, a fixed number of queries, within 1.2x of SQL.")
    return 1 if problems else 0


# --- the child: build, then measure -----------------------------------------------------------


def child(args) -> int:
    import django

    django.setup()
    from django.db import connection

    from partnerbase.programmes.models import Programme

    slug = f"bench-{SEED}"
    built = args.reuse and existing_programme(connection, slug)
    if built:
        print("Reusing the data set built by an earlier run.", flush=True)
        programme = Programme.objects.get(slug=slug)
        generation = None
    else:
        fresh_database(connection, args)
        started = time.perf_counter()
        programme = generate(connection, args.organisations, args.awards, slug)
        generation = time.perf_counter() - started
        print(f"Data generated and loaded in {generation:.1f} s.", flush=True)
    print(data_summary(connection, programme), flush=True)

    result = measure(connection, programme, args.repeat)
    result.update(
        database=args.database,
        organisations=args.organisations,
        awards=args.awards,
        generation_seconds=generation,
    )
    Path(args.result).write_text(json.dumps(result))
    return 0


def existing_programme(connection, slug: str) -> bool:
    from django.db.utils import DatabaseError

    from partnerbase.programmes.models import Programme

    try:
        return Programme.objects.filter(slug=slug).exists()
    except DatabaseError:
        connection.close()
        return False


def fresh_database(connection, args) -> None:
    from django.core.management import call_command

    if connection.vendor == "sqlite":
        connection.close()
        Path(connection.settings_dict["NAME"]).unlink(missing_ok=True)
    else:
        schema = schema_name(args.organisations, args.awards)
        with connection.cursor() as cursor:
            cursor.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
            cursor.execute(f'CREATE SCHEMA "{schema}"')
    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    print(
        f"Migrated a fresh {connection.vendor} database in {time.perf_counter() - started:.1f} s.",
        flush=True,
    )


# --- measuring ----------------------------------------------------------------------------------


def measure(connection, programme, repeat: int) -> dict:
    from django.test.utils import CaptureQueriesContext

    from partnerbase.core.period import programme_period
    from partnerbase.impact.figures import headline_figures
    from partnerbase.impact.models import Figure

    period = programme_period(programme)
    print(f"Period: {period}.", flush=True)

    def orm():
        figures = headline_figures(programme, period)
        return {key: figures.figures[key].value for key in Figure.values}

    def sql():
        return handwritten(connection, programme, period)

    # One untimed run of each warms the caches and counts the queries.
    with CaptureQueriesContext(connection) as orm_queries:
        orm_values = orm()
    with CaptureQueriesContext(connection) as sql_queries:
        sql_values = sql()

    timings = {"orm": [], "sql": []}
    for i in range(repeat):
        order = [("orm", orm), ("sql", sql)]
        for name, run in order if i % 2 == 0 else reversed(order):
            started = time.perf_counter()
            run()
            timings[name].append(time.perf_counter() - started)

    print(f"{'figure':<30}{'ORM':>22}{'SQL':>22}")
    for key in Figure.values:
        print(f"{key:<30}{orm_values[key]!s:>22}{sql_values[key]!s:>22}")
    print(
        f"ORM: {len(orm_queries.captured_queries)} queries, seconds "
        + ", ".join(f"{t:.3f}" for t in timings["orm"])
    )
    print(
        f"SQL: {len(sql_queries.captured_queries)} queries, seconds "
        + ", ".join(f"{t:.3f}" for t in timings["sql"]),
        flush=True,
    )
    return {
        "orm_median": statistics.median(timings["orm"]),
        "orm_min": min(timings["orm"]),
        "orm_queries": len(orm_queries.captured_queries),
        "sql_median": statistics.median(timings["sql"]),
        "sql_min": min(timings["sql"]),
        "sql_queries": len(sql_queries.captured_queries),
        "equal": orm_values == sql_values,
        "orm_values": {k: str(v) for k, v in orm_values.items()},
        "sql_values": {k: str(v) for k, v in sql_values.items()},
    }


if __name__ == "__main__":
    arguments = parse_args(sys.argv[1:])
    sys.exit(child(arguments) if arguments.child else parent(arguments))
