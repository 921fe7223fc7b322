#!/usr/bin/env python
"""Each role's main pages under 20 concurrent clients, against gunicorn in production
settings, beside /healthz measured in the same run.

    python benchmarks/pages.py [--size demo|10000|100000] [--database sqlite|postgres|both]
        [--seconds 10 | --requests N] [--clients 20] [--pages main|all] [--roles team,…]
        [--json out.json] [--port 8067] [--workers 4] [--threads 4] [--cache DIR] [--reuse]

The data: the IEP demo, or the figures benchmark's programme (N organisations, 10N awards).
SQLite works on a copy of a cached database (concurrency.py's demo, figures.py's
`var/bench/figures-o…-a….sqlite3`, each built once if missing; the originals are never
changed); PostgreSQL on a schema of its own in BENCH_POSTGRES_URL (default
`partnerbase_bench`), built afresh (`--reuse` keeps one built before). pages_setup.py (a
child with Django) migrates, adds a user for each role and lists each role's pages:
the landing page, every place its landing page offers, the dashboard, the report, a
figure's records, an organisation and an innovator's page. Here each page is probed once
as the role (a 403 or 404 is skipped and said); the role's main pages (landing, top
navigation, detail pages; every place with `--pages all`) and the lists (a filter or
pages) are loaded, 20 clients asking for each for --seconds (pages_load.py), and a list
gets a second row at its middle page with its first filter (pages_discover.py). The
public page is asked signed out.

It prints per page: the answers, requests, requests per second and the p50/p95/p99
latencies; a page over the p95 target (150 ms) is marked, and the dashboard's and public
page's throughput is shown as a share of /healthz's (the target: 1/5 or more). See
benchmarks/README.md. The data and the server are pages_server.py's, the table
pages_report.py's.
"""

import argparse
import json
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import requests
from concurrency import Browser
from pages_discover import filtered, list_shape, middle, middle_number
from pages_load import Load, hammer
from pages_report import SHARED_PAGES, print_run
from pages_server import (
    HOST,
    Server,
    postgres_schema,
    postgres_settings,
    run_setup,
    sqlite_copy,
    static_files,
)

PROXY = {"X-Forwarded-Proto": "https", "Accept": "text/html"}


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", default="demo", help="demo, or organisations (10000, 100000)")
    parser.add_argument("--database", choices=["sqlite", "postgres", "both"], default="sqlite")
    parser.add_argument("--seconds", type=float, default=10, help="per page")
    parser.add_argument("--requests", type=int, help="per page, instead of --seconds")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--pages", choices=["main", "all"], default="main")
    parser.add_argument("--roles", help="comma-separated roles to measure (default: all)")
    parser.add_argument("--json", help="also write the results to this file")
    parser.add_argument("--port", type=int, default=8067)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--timeout", type=float, default=30, help="per request, seconds")
    parser.add_argument(
        "--slow",
        type=float,
        default=2,
        help="a page whose first answer takes longer (seconds) is timed once, not loaded",
    )
    parser.add_argument("--cache", type=Path, help="where the cached SQLite databases are")
    parser.add_argument("--reuse", action="store_true", help="PostgreSQL: keep a built schema")
    args = parser.parse_args(argv)
    if args.size != "demo" and not args.size.isdigit():
        parser.error("--size is demo or a number of organisations")
    return args


class Rows(list):
    """The rows measured, each printed as it comes, so a run cut short still shows them."""

    def append(self, found: dict) -> None:
        super().append(found)
        if "rps" in found:
            said = f"{found['requests']} answers, {found['rps']:.1f}/s, p95 {found['p95']:.0f} ms"
        else:
            said = found["status"] or "-"
        print(f"     {found['role']:<20} {found['page']:<44} {said} {found['note']}", flush=True)


def row(page, role, path, load: Load | None = None, note: str = "", status="") -> dict:
    found = {"page": page, "role": role, "path": path, "note": note, "status": status}
    if load is not None:
        statuses = ", ".join(f"{n}x{s}" for s, n in sorted(load.statuses.items(), key=str))
        found.update(
            status=statuses,
            requests=load.requests,
            seconds=round(load.seconds, 2),
            rps=round(load.rps, 2),
            p50=round(load.percentile(50), 1),
            p95=round(load.percentile(95), 1),
            p99=round(load.percentile(99), 1),
            ok=set(load.statuses) == {200},
        )
    return found


def load_page(page, role, path, cookie: str, args) -> dict:
    headers = dict(PROXY, **({"Cookie": cookie} if cookie else {}))
    warmup = args.workers
    hammer(
        HOST,
        args.port,
        path,
        headers,
        clients=warmup,
        seconds=0,
        requests=warmup,
        timeout=args.timeout,
    )
    load = hammer(
        HOST,
        args.port,
        path,
        headers,
        clients=args.clients,
        seconds=args.seconds,
        requests=args.requests,
        timeout=args.timeout,
    )
    return row(page, role, path, load)


class Visitor:
    """One role's signed-in session (or nobody's, for the public pages) on the server."""

    def __init__(self, server: Server, role: str, args, email=None, password=None):
        self.server, self.role, self.args = server, role, args
        self.browser = None
        if email:
            self.browser = Browser(server.base)
            self.browser.sign_in(email, password)
        cookies = self.browser.cookies.items() if self.browser else ()
        self.cookie = "; ".join(f"{k}={v}" for k, v in cookies)

    def probe(self, path: str) -> tuple:
        """(status, html, seconds, path) of one request, following a redirect within the
        site once (an innovator's own page, a partner's pledges); status None when no
        answer came."""
        began = time.perf_counter()
        try:
            answer = self._get(path)
            location = answer.headers.get("Location", "")
            if answer.status_code in (301, 302) and location.startswith("/"):
                if not location.startswith("/accounts/login"):
                    path = location
                    answer = self._get(path)
        except requests.RequestException as exc:
            seconds = time.perf_counter() - began
            self.server.restart()  # its request would go on using a worker
            return None, type(exc).__name__, seconds, path
        return answer.status_code, answer.text, time.perf_counter() - began, path

    def _get(self, path: str) -> requests.Response:
        timeout = self.args.timeout
        if self.browser is None:
            url = self.server.base + path
            return requests.get(url, headers=PROXY, timeout=timeout, allow_redirects=False)
        return self.browser.request("GET", path, timeout=timeout)

    def load(self, page: str, path: str) -> dict:
        return load_page(page, self.role, path, self.cookie, self.args)


def measure_page(visitor: Visitor, page, path, rows, *, main: bool, probed: list) -> None:
    """Probe the page; load it if it is a main page or a list (and its middle page with a
    filter); a page the role may not open is said and skipped."""
    role, args = visitor.role, visitor.args
    status, html, seconds, path = visitor.probe(path)
    if status is None:
        rows.append(row(page, role, path, note=f"no answer in {seconds:.0f} s ({html})"))
        return
    if status != 200:
        said = "skipped: the role may not see it" if status in (403, 404) else "skipped"
        rows.append(row(page, role, path, status=str(status), note=said))
        return
    filters, pages = list_shape(html)
    is_list = bool(filters) or pages > 1
    if not (main or is_list or args.pages == "all"):
        probed.append(f"{page} ({role})")
        return
    rows.append(load_or_time(visitor, page, path, seconds))
    if not is_list:
        return
    with_filter = filtered(path, filters)
    if filters:
        status, html, seconds, with_filter = visitor.probe(with_filter)
        pages = list_shape(html)[1] if status == 200 else pages
    target = middle(with_filter, pages)
    what = f"{page}, page {middle_number(pages)} of {pages}"
    what += f", {filters[0][0]}={filters[0][1]}" if filters else ""
    status, html, seconds, target = visitor.probe(target)
    if status == 200:
        rows.append(load_or_time(visitor, what, target, seconds))
    else:
        rows.append(row(what, role, target, status=str(status), note="skipped"))


def load_or_time(visitor: Visitor, page: str, path: str, seconds: float) -> dict:
    """A page whose one answer took longer than --slow is not loaded: 20 clients on it would
    only queue for minutes; its one answer is reported. The dashboard and the public page
    are always loaded: their throughput against /healthz's is a target."""
    if seconds <= visitor.args.slow or page in SHARED_PAGES:
        return visitor.load(page, path)
    one = Load(statuses=Counter({200: 1}), latencies=[seconds], seconds=seconds)
    note = f"not loaded: its one answer took {seconds:.1f} s"
    return row(page, visitor.role, path, one, note=note)


def measure_database(kind: str, size: str, home: Path, args) -> dict:
    print(f"\n== {kind}, {size}: preparing the data", flush=True)
    started = time.perf_counter()
    if kind == "sqlite":
        url = sqlite_copy(home, size, args.cache)
    else:
        url = postgres_schema(size, args.reuse)
    setup = run_setup(home, url, size)
    organisations = setup["organisations"]
    ready = time.perf_counter() - started
    print(f"   ready in {ready:.0f} s: {organisations:,} organisations", flush=True)
    wanted = set(args.roles.split(",")) if args.roles else None
    server = Server(home, url, args)
    server.start()
    rows, probed = Rows(), []
    load_before = os.getloadavg()
    try:
        healthz = [load_page("healthz", "public", "/healthz", "", args)]
        public = Visitor(server, "public", args)
        for page, path in setup["public"]:
            measure_page(public, page, path, rows, main=True, probed=probed)
        for role in setup["roles"]:
            if wanted and role["role"] not in wanted:
                continue
            print(f"   {role['role']}: {len(role['pages'])} pages", flush=True)
            visitor = Visitor(server, role["role"], args, role["email"], role["password"])
            for page, path in role["pages"]:
                main = page in role["main"]
                measure_page(visitor, page, path, rows, main=main, probed=probed)
        healthz.append(load_page("healthz", "public", "/healthz", "", args))
    finally:
        server.stop()
    header = f"{kind}: {organisations:,} organisations ({size})"
    if kind == "postgres":
        header += "; " + postgres_settings(url)
    return {
        "database": kind,
        "size": size,
        "header": header,
        "organisations": organisations,
        "healthz": healthz,
        "rows": rows,
        "probed_only": probed,
        "elapsed_seconds": round(time.perf_counter() - started),
        "load_average": [round(x, 2) for x in (*load_before, *os.getloadavg())],
    }


def main(argv=None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    kinds = ["sqlite", "postgres"] if args.database == "both" else [args.database]
    runs = []
    with tempfile.TemporaryDirectory(prefix="partnerbase-pages-") as tmp:
        home = Path(tmp)
        (home / "var").mkdir()
        (home / "var" / "static").symlink_to(static_files(home))
        for kind in kinds:
            runs.append(measure_database(kind, args.size, home, args))
            print_run(runs[-1], args)
    if args.json:
        Path(args.json).write_text(
            json.dumps(
                {"arguments": vars(args) | {"cache": str(args.cache)}, "runs": runs}, indent=1
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
