#!/usr/bin/env python
"""CPU seconds of single requests to pages, in-process (Django's test client), on the
database DATABASE_URL names: the fair measure of a page's own cost on a shared machine,
where wall time says more about the neighbours.

    DATABASE_URL=sqlite:////tmp/copy.sqlite3 python benchmarks/page_cpu.py \\
        --user bench-team@example.org [--repeat 3] [--profile] PATH [PATH …]

Each path is asked `--repeat` times; the table gives the first request's CPU seconds (it
pays for the process's first templates and URL resolution), the best of the others, the
wall seconds of that best one, the queries and the answer's size. `--profile` prints the
slowest functions of each path's last request. Work on a copy: a page may keep what it
computes (kept figures, kept outputs), and a stale kept output is queued, not built, unless
the task backend runs tasks at once.
"""

import argparse
import cProfile
import os
import pstats
import sys
import time


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--user", help="the email of the user to sign in as (none: signed out)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", action="store_true")
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partnerbase.settings")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from partnerbase.accounts.models import User

    client = Client(HTTP_X_FORWARDED_PROTO="https")
    if args.user:
        client.force_login(User.objects.get(email=args.user))
    rows = []
    for path in args.paths:
        runs = []
        for n in range(args.repeat):
            profile = cProfile.Profile() if args.profile and n == args.repeat - 1 else None
            cpu, wall = time.process_time(), time.perf_counter()
            with CaptureQueriesContext(connection) as queries:
                if profile:
                    profile.enable()
                answer = client.get(path, secure=True)
                body = b"".join(answer.streaming_content) if answer.streaming else answer.content
                if profile:
                    profile.disable()
            runs.append(
                (
                    time.process_time() - cpu,
                    time.perf_counter() - wall,
                    len(queries),
                    answer.status_code,
                    len(body),
                )
            )
            if profile:
                print(f"\n{path}")
                pstats.Stats(profile).sort_stats("cumulative").print_stats(25)
        best = min(runs[1:] or runs)
        rows.append((path, runs[0][3], runs[0][0], best[0], best[1], best[2], best[4]))
    header = ("path", "status", "first CPU s", "best CPU s", "its wall s", "queries", "bytes")
    lines = [
        (p, str(s), f"{first:.3f}", f"{cpu:.3f}", f"{wall:.3f}", str(q), f"{size:,}")
        for p, s, first, cpu, wall, q, size in rows
    ]
    widths = [max(len(h), *(len(line[i]) for line in lines)) for i, h in enumerate(header)]
    for line in [header, tuple("-" * w for w in widths), *lines]:
        cells = zip(line, widths, strict=True)
        print("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(cells)))
    print(f"load average {os.getloadavg()[0]:.2f} (2-core machine shared with other work)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
