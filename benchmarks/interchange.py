#!/usr/bin/env python
"""Time `partnerbase import` and `partnerbase export` of a national-size programme.

    python benchmarks/interchange.py [--organisations 100000|10000] [--code TREE]
                                     [--database sqlite|postgres|both] [--no-export]

The file is the programme of benchmarks/figures.py (100,000 organisations, 200,000
engagements, 50,000 partnerships, 1,000,000 funding awards, 100,000 introductions…: about
1.5 million records) written by `partnerbase export` from a copy of its SQLite database
(`var/bench/figures-o…-a….sqlite3`, built by figures.py; the original is never written to)
and cached as `var/bench/interchange-o….json`. Each run imports that file into an empty,
freshly migrated database and exports it back, each in a child process pinned to one core
(`taskset -c 0`), and prints records, seconds, records a second and the child's peak
resident memory. The export is compared with the file byte for byte.

`--code TREE` runs the commands with another checkout's code first on the path (for the
figures before a change: `--code /work/main`); the file is always written by this tree.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "var" / "bench"
POSTGRES_URL = os.environ.get(
    "BENCH_POSTGRES_URL", "postgres://partnerbase:partnerbase@127.0.0.1:5432/partnerbase_importer"
)
AWARDS = {100_000: 1_000_000, 10_000: 100_000}


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--organisations", type=int, choices=sorted(AWARDS), default=100_000)
    parser.add_argument("--code", type=Path, default=ROOT, help="the checkout whose code runs")
    parser.add_argument("--database", choices=["sqlite", "postgres", "both"], default="sqlite")
    parser.add_argument("--no-export", action="store_true", help="time the import only")
    return parser.parse_args(argv)


def run(command: list[str], *, url: str, code: Path, pin: bool = True) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds and peak RSS in MB of `partnerbase COMMAND` in a child
    process (CPU time too: on a shared machine the wall clock measures the neighbours)."""
    env = dict(os.environ, DATABASE_URL=url, PYTHONPATH=str(code), DEBUG="0")
    argv = [sys.executable, "-m", "partnerbase.cli", *command]
    if pin and shutil.which("taskset"):
        argv = ["taskset", "-c", "0", *argv]
    log = BENCH / f"interchange-{os.getpid()}.log"  # not a pipe: a full one would stop it
    started = time.perf_counter()
    with log.open("w") as stderr:
        child = subprocess.Popen(argv, env=env, cwd=code, stderr=stderr)
        _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    err = log.read_text(errors="replace")
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise SystemExit(f"partnerbase {' '.join(command)} failed:\n{err[-3000:]}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss // 1024


def source_file(organisations: int) -> Path:
    """The interchange file of figures.py's programme, exported once and kept."""
    awards = AWARDS[organisations]
    path = BENCH / f"interchange-o{organisations}.json"
    if path.exists():
        return path
    original = BENCH / f"figures-o{organisations}-a{awards}.sqlite3"
    if not original.exists():
        original = Path("/work/main/var/bench") / original.name
    if not original.exists():
        raise SystemExit(
            f"No {original.name}: build it first with "
            f"benchmarks/figures.py --organisations {organisations} --awards {awards} "
            "--database sqlite"
        )
    copy = BENCH / f"interchange-source-o{organisations}.sqlite3"
    shutil.copyfile(original, copy)  # never write to figures.py's database
    url = f"sqlite:///{copy}"
    run(["migrate", "-v0"], url=url, code=ROOT, pin=False)
    print(f"Writing {path.name} from a copy of {original.name}…", file=sys.stderr)
    run(["export", str(path)], url=url, code=ROOT, pin=False)
    copy.unlink()
    _make_valid(path)
    return path


def _make_valid(path: Path) -> None:
    """figures.py loads its rows straight into the tables, past the services' rules, and
    the import keeps those rules: mend the few records that break one."""
    sys.path.insert(0, str(ROOT))
    from partnerbase.interchange.format import dumps

    data = json.loads(path.read_text(encoding="utf-8"))
    some = [o["id"] for o in data["organisations"][:2]]
    for record in data["partnerships"]:
        if record["innovator"] in record["partners"]:  # an innovator cannot partner itself
            others = [p for p in record["partners"] if p != record["innovator"]]
            record["partners"] = others or [next(o for o in some if o != record["innovator"])]
        if not record["confirmed_on"]:
            record["estimated_value"] = None  # only a confirmed partnership has one
    for record in data["funding_awards"]:
        # A loan with interest is repaid by some method: the service gives it the annuity
        # when none is named, so the export of what was imported says "annuity" (the
        # re-export of the 10,000-organisation file differed in 14,878 such loans).
        loan = record["instrument"] == "social_loan" and record["interest_rate_percent"]
        if loan and not record["repayment_method"]:
            record["repayment_method"] = "annuity"
    introductions = []
    for record in data["introductions"]:
        if record["innovator"] == record["partner"]:
            continue  # an organisation introduced to itself
        for side in ("innovator", "partner"):
            if not record.get("sent_on"):
                record[f"{side}_response"] = "pending"  # only a sent one is answered
            if record.get(f"{side}_response", "pending") == "pending":
                record[f"{side}_responded_on"] = None
            elif not record.get(f"{side}_responded_on"):
                record[f"{side}_responded_on"] = record["sent_on"]  # an answer has a date
        introductions.append(record)
    data["introductions"] = introductions
    path.write_text(dumps(data), encoding="utf-8")


def count_records(path: Path) -> int:
    """The file's records, read an array at a time: this process stays small, as the
    children it forks start with its memory and Linux counts that in their peak RSS
    (loading the whole file here made every child's peak read 664 MB)."""
    sys.path.insert(0, str(ROOT))
    from partnerbase.interchange.reading import programme_file_read

    document = programme_file_read(path, held=0)
    return 1 + sum(len(v) for v in document.values() if not isinstance(v, (str, dict)))


def empty_database(database: str) -> str:
    """A freshly migrated, empty database (SQLite: a copy of one migrated once)."""
    if database == "postgres":
        run(["flush", "--no-input", "-v0"], url=POSTGRES_URL, code=ROOT, pin=False)
        run(["migrate", "-v0"], url=POSTGRES_URL, code=ROOT, pin=False)
        run(["flush", "--no-input", "-v0"], url=POSTGRES_URL, code=ROOT, pin=False)
        return POSTGRES_URL
    template = BENCH / "interchange-empty.sqlite3"
    if not template.exists():
        run(["migrate", "-v0"], url=f"sqlite:///{template}", code=ROOT, pin=False)
    target = BENCH / f"interchange-target-{os.getpid()}.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(template, target)
    return f"sqlite:///{target}"


def main(argv=None) -> None:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    BENCH.mkdir(parents=True, exist_ok=True)
    path = source_file(args.organisations)
    records = count_records(path)
    rows = []
    databases = ["sqlite", "postgres"] if args.database == "both" else [args.database]
    for database in databases:
        url = empty_database(database)
        try:
            rows += measure(args, database, url, path, records)
        finally:
            if database == "sqlite":
                for suffix in ("", "-wal", "-shm"):
                    Path(url.removeprefix("sqlite:///") + suffix).unlink(missing_ok=True)
    report(path, args.code, rows)


def measure(args, database: str, url: str, path: Path, records: int) -> list[tuple]:
    rows = []
    # --progress: the log (var/bench/interchange-PID.log) shows how far it has gone.
    seconds, cpu, rss = run(["import", str(path), "--progress"], url=url, code=args.code)
    rows.append((database, "import", records, seconds, cpu, rss))
    if args.no_export:
        return rows
    out = BENCH / f"interchange-o{args.organisations}-again.json"
    seconds, cpu, rss = run(["export", str(out)], url=url, code=args.code)
    same = out.read_bytes() == path.read_bytes()
    command = "export" + ("" if same else " (differs!)")
    rows.append((database, command, records, seconds, cpu, rss))
    if same:
        out.unlink()
    else:
        where = first_difference(path, out)
        print(f"{out.name} differs from {path.name}: {where}", file=sys.stderr)
    return rows


def first_difference(a: Path, b: Path) -> str:
    """The first line that differs, read a line at a time (the files are big)."""
    with a.open(encoding="utf-8") as left, b.open(encoding="utf-8") as right:
        for number, (x, y) in enumerate(zip(left, right, strict=False), start=1):
            if x != y:
                return f"line {number}: {x.strip()[:100]!r} != {y.strip()[:100]!r}"
    return "one is a prefix of the other"


def report(path: Path, code: Path, rows: list[tuple]) -> None:
    print(f"\n{path.name}: {path.stat().st_size / 1e6:,.0f} MB, code from {code}\n")
    heads = ("database", "command", "records", "wall s", "CPU s", "records/CPU s", "peak RSS")
    print("{:<9} {:<18} {:>10} {:>8} {:>8} {:>14} {:>9}".format(*heads))
    for database, command, n, seconds, cpu, rss in rows:
        print(
            f"{database:<9} {command:<18} {n:>10,} {seconds:>8.1f} {cpu:>8.1f} "
            f"{n / cpu:>14,.0f} {rss:>6,} MB"
        )


if __name__ == "__main__":
    main()
