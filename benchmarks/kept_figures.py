#!/usr/bin/env python
"""Time the dashboard and the public page with kept headline figures, cold and warm, on the
figures benchmark's large programme (100,000 organisations, 1,000,000 awards).

    python benchmarks/kept_figures.py --database /tmp/copy.sqlite3 [--repeat 5]

Give it a COPY of `var/bench/figures-o…-a….sqlite3` (built by benchmarks/figures.py): it
migrates it, publishes the programme's figures and adds a convening-team user to sign in
with, so it writes to the file. A child process (this script with --child) requests each
page through Django's test client:

- cold: the kept figures marked stale first, so the request computes and keeps them (what
  every request cost before they were kept);
- warm: the kept figures fresh, read as they are;

and times `refresh` (what a change to the records costs after its commit, for the kept sets
it holds then), the headline figures computed live, and the whole-programme series of
"organisations engaged" by month that the report and the public page's chart draw. It
prints one table: median and minimum seconds, the minimum CPU seconds and the queries of
one request.
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

from figures_loader import SEED

ROOT = Path(__file__).resolve().parent.parent


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", required=True, type=Path, help="a copy to write to")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--result", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def timed(run, repeat: int) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    seconds, cpu = [], []
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as queries:
            started, cpu_started = time.perf_counter(), time.process_time()
            run()
            seconds.append(time.perf_counter() - started)
            cpu.append(time.process_time() - cpu_started)
    return {
        "median": statistics.median(seconds),
        "min": min(seconds),
        "cpu": min(cpu),
        "queries": len(queries.captured_queries),
    }


def child(args) -> int:
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test import Client
    from django.urls import reverse

    from partnerbase.accounts.models import Membership, Role
    from partnerbase.accounts.services import user_create
    from partnerbase.core.period import programme_period, split
    from partnerbase.impact import figures as f
    from partnerbase.impact.kept import mark_stale, refresh
    from partnerbase.programmes.models import Programme

    call_command("migrate", verbosity=0, interactive=False)
    programme = Programme.objects.get(slug=f"bench-{SEED}")
    Programme.objects.filter(pk=programme.pk).update(figures_published=True)
    programme.refresh_from_db()
    email = "kept-bench@example.org"
    user = get_user_model().objects.filter(email=email).first() or user_create(
        email=email, password=None, full_name="Bench Team"
    )
    Membership.objects.get_or_create(user=user, programme=programme, role=Role.TEAM)
    client = Client()
    client.force_login(user)
    period = programme_period(programme)
    pages = {
        "dashboard": reverse("reports:dashboard", args=[programme.slug]),
        "public page": reverse("public_figures", args=[programme.slug]),
        "public figures.json": reverse("public_figures_json", args=[programme.slug]),
    }

    def get(url):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)

    rows = []
    for name, url in pages.items():
        get(url)  # the first request of the process: imports and templates

        def cold(url=url):
            mark_stale(programme.pk)
            get(url)

        rows.append({"what": f"{name}, cold", **timed(cold, args.repeat)})
        get(url)
        rows.append({"what": f"{name}, warm", **timed(lambda url=url: get(url), args.repeat)})

    def refreshed():
        mark_stale(programme.pk)
        refresh(programme.pk)

    rows.append({"what": "refresh after a change", **timed(refreshed, args.repeat)})
    rows.append(
        {
            "what": "headline figures, live",
            **timed(lambda: f.headline_figures(programme, period), args.repeat),
        }
    )
    months = split(period, "month")
    ends = [month.end for month in months]
    rows.append(
        {
            "what": f"organisations engaged, {len(months)} months (first days)",
            **timed(lambda: f.engaged_since(programme, period, ends), args.repeat),
        }
    )
    rows.append(
        {
            "what": f"organisations engaged, {len(months)} months (counted afresh)",
            **timed(
                lambda: [
                    f.engaged_organisations(programme, type(period)(period.start, e)).count()
                    for e in ends
                ],
                1,
            ),
        }
    )
    Path(args.result).write_text(json.dumps({"rows": rows, "load": os.getloadavg()[0]}))
    return 0


def print_table(result: dict) -> None:
    header = ("what", "median s", "min s", "min CPU s", "queries")
    lines = [
        (r["what"], f"{r['median']:.3f}", f"{r['min']:.3f}", f"{r['cpu']:.3f}", str(r["queries"]))
        for r in result["rows"]
    ]
    widths = [max(len(h), *(len(line[i]) for line in lines)) for i, h in enumerate(header)]
    print(
        "\nSeconds per request or call: wall-clock, and the CPU time of this process (SQLite "
        "runs in it), which another job on a shared machine does not inflate."
    )

    def row(cells) -> str:
        pairs = enumerate(zip(cells, widths, strict=True))
        return "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in pairs)

    print(row(header))
    print("  ".join("-" * w for w in widths))
    for line in lines:
        print(row(line))
    print(f"Load average {result['load']:.1f} at the end.")


def main(argv=None) -> int:
    args = parse_args(argv if argv is not None else sys.argv[1:])
    if args.child:
        return child(args)
    database = args.database.resolve()
    if not database.exists():
        print(f"No database at {database}: copy the figures benchmark's.", file=sys.stderr)
        return 2
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="partnerbase.settings",
        DATABASE_URL=f"sqlite:///{database}",
        DEBUG="0",
        PYTHONPATH=str(ROOT) + os.pathsep + env.get("PYTHONPATH", ""),
    )
    with tempfile.TemporaryDirectory() as tmp:
        result = Path(tmp) / "result.json"
        command = [sys.executable, __file__, "--child", "--repeat", str(args.repeat)]
        command += ["--database", str(database), "--result", str(result)]
        subprocess.run(command, env=env, check=True, cwd=ROOT)
        print_table(json.loads(result.read_text()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
