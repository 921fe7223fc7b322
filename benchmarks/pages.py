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
benchmarks/README.md.
"""

import argparse
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from pathlib import Path

import requests
from concurrency import Browser, base_env, manage, sqlite_database, wait_for
from figures import DEFAULT_POSTGRES_URL
from figures import database_url as figures_database_url
from pages_discover import filtered, list_shape, middle, middle_number
from pages_load import Load, hammer

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
HOST = "127.0.0.1"
P95_TARGET_MS = 150
SHARE_TARGET = 5  # the dashboard and public page at 1/5 of /healthz's throughput or more
SHARED_PAGES = ("dashboard", "public page")
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


# --- the data -------------------------------------------------------------------------------


def setup_env(home: Path, url: str) -> dict:
    env = base_env(home, url)
    benchmarks = str(ROOT / "benchmarks")
    env["PYTHONPATH"] = benchmarks + os.pathsep + env["PYTHONPATH"]
    env["DEBUG"] = "0"
    return env


def run_setup(home: Path, url: str, size: str, *extra: str) -> dict:
    out = home / f"pages-{uuid.uuid4().hex}.json"
    command = [sys.executable, str(ROOT / "benchmarks" / "pages_setup.py"), "--size", size]
    command += ["--out", str(out), *extra]
    subprocess.run(command, env=setup_env(home, url), cwd=ROOT, check=True)
    return json.loads(out.read_text()) if out.exists() else {}


def sqlite_copy(home: Path, size: str, cache: Path | None) -> str:
    """A copy of the cached database; the cache is built first if it is missing."""
    if size == "demo":
        return sqlite_database(home)  # concurrency.py's demo, built once
    n = int(size)
    original = Path(figures_database_url("sqlite", n, n * 10).removeprefix("sqlite:///"))
    if cache is not None:
        original = cache / original.name
    if not original.exists():
        print(f"building {original} once…", file=sys.stderr, flush=True)
        building = original.with_suffix(".building")
        building.unlink(missing_ok=True)
        run_setup(home, f"sqlite:///{building}", size, "--build")
        building.rename(original)
    copy = home / "partnerbase.sqlite3"
    shutil.copy(original, copy)
    return f"sqlite:///{copy}"


def postgres_schema(size: str, reuse: bool) -> str:
    import psycopg

    base = os.environ.get("BENCH_POSTGRES_URL", DEFAULT_POSTGRES_URL)
    schema = f"bench_pages_{size}"
    with psycopg.connect(base, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_namespace WHERE nspname = %s", [schema]
        ).fetchone()
        if not (reuse and exists):
            connection.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
            connection.execute(f'CREATE SCHEMA "{schema}"')
    joiner = "&" if "?" in base else "?"
    return f"{base}{joiner}options=-c%20search_path%3D{schema}"


def postgres_settings(url: str) -> str:
    import psycopg

    with psycopg.connect(url) as connection:
        version = connection.execute("SHOW server_version").fetchone()[0]
        values = [
            f"{name}={connection.execute(f'SHOW {name}').fetchone()[0]}"
            for name in ("fsync", "synchronous_commit", "full_page_writes")
        ]
    return f"PostgreSQL {version}, " + ", ".join(values)


# --- the server -----------------------------------------------------------------------------


def production_env(home: Path, url: str) -> dict:
    env = base_env(home, url)
    env.update(
        PARTNERBASE_ENV="production",
        SECRET_KEY="pages-benchmark-" + uuid.uuid4().hex,
        ALLOWED_HOSTS=HOST,
        LOG_LEVEL="ERROR",
    )
    return env


class Server:
    """gunicorn partnerbase.wsgi with the production settings, as concurrency.py runs it."""

    def __init__(self, home: Path, url: str, args):
        self.env = production_env(home, url)
        self.home, self.args, self.process = home, args, None
        self.base = f"http://{HOST}:{args.port}"

    def start(self) -> None:
        self.log = open(self.home / "gunicorn.log", "a")  # noqa: SIM115 - closed in stop()
        a = self.args
        command = [str(BIN / "gunicorn"), "partnerbase.wsgi", "--bind", f"{HOST}:{a.port}"]
        command += ["--workers", str(a.workers), "--threads", str(a.threads), "--timeout", "300"]
        self.process = subprocess.Popen(
            command,
            env=self.env,
            cwd=ROOT,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: stop() ends the workers too
        )
        wait_for(self.base, seconds=300)  # four workers starting on a busy machine

    def stop(self) -> None:
        if self.process is not None:
            group = self.process.pid  # its own session and process group
            os.killpg(group, signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                pass
            # A worker busy with a slow page outlives a graceful stop (or its killed master,
            # holding the port and gigabytes): end the whole group.
            try:
                os.killpg(group, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.process.wait()
            self.log.close()
            self.process = None

    def restart(self) -> None:
        """After a page that did not answer: its request would go on using a worker."""
        self.stop()
        self.start()


# --- measuring ------------------------------------------------------------------------------


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


# --- the table ------------------------------------------------------------------------------


def print_run(run: dict, args) -> None:
    # The better of the two: other work on the machine, or workers still starting, only
    # ever lower it.
    healthz_rps = max(h["rps"] for h in run["healthz"])
    before, after = run["load_average"][:3], run["load_average"][3:]
    print(f"\n{run['header']}")
    print(
        f"gunicorn {args.workers} workers x {args.threads} threads, {args.clients} clients, "
        + (f"{args.requests} requests" if args.requests else f"{args.seconds:g} s")
        + f" a page; load average {before[0]:.2f} before, {after[0]:.2f} after "
        f"(2-core machine shared with other work)"
    )
    header = (
        "page",
        "role",
        "answers",
        "requests",
        "rps",
        "p50 ms",
        "p95 ms",
        "p99 ms",
        "/healthz",
        "",
    )
    lines = []
    for r in run["healthz"] + run["rows"]:
        if "rps" not in r:
            lines.append(
                (r["page"], r["role"], r["status"] or "-", "", "", "", "", "", "", r["note"])
            )
            continue
        flags = []
        if not r["ok"]:
            flags.append("ERRORS")
        if r["page"] != "healthz" and r["p95"] > P95_TARGET_MS:
            flags.append(f"p95 > {P95_TARGET_MS} ms")
        share = ""
        if r["page"] in SHARED_PAGES and r["rps"]:
            share = f"1/{healthz_rps / r['rps']:.0f}"
            if healthz_rps / r["rps"] > SHARE_TARGET:
                flags.append(f"under 1/{SHARE_TARGET} of /healthz")
        flags += [r["note"]] if r["note"] else []
        lines.append(
            (
                r["page"],
                r["role"],
                r["status"],
                str(r["requests"]),
                f"{r['rps']:.1f}",
                f"{r['p50']:.0f}",
                f"{r['p95']:.0f}",
                f"{r['p99']:.0f}",
                share,
                "; ".join(flags),
            )
        )
    widths = [max(len(h), *(len(line[i]) for line in lines)) for i, h in enumerate(header)]
    left = {0, 1, 2, 9}
    for line in [header, tuple("-" * w for w in widths)] + lines:
        cells = [
            c.ljust(w) if i in left else c.rjust(w)
            for i, (c, w) in enumerate(zip(line, widths, strict=True))
        ]
        print("  ".join(cells).rstrip())
    measured = [r for r in run["rows"] if "rps" in r]
    over = [r for r in measured if r["p95"] > P95_TARGET_MS]
    print(
        f"{len(measured)} pages measured, {len(over)} over the p95 target; "
        f"/healthz {healthz_rps:.0f} requests a second (the better of the first and last); "
        f"{run['elapsed_seconds']} s with the data's preparation"
    )
    if run["probed_only"]:
        print(
            "Probed, not loaded (neither a list nor in the role's navigation; --pages all "
            "loads them): " + ", ".join(run["probed_only"])
        )


def static_files(home: Path) -> Path:
    """The static files whitenoise serves, with their manifest: collected once into
    var/bench/pages-static and again only when a static file of the project changes
    (collectstatic compresses every file: minutes on a busy machine)."""
    cache = ROOT / "var" / "bench" / "pages-static"
    sources = sorted(
        f"{path.relative_to(ROOT)} {path.stat().st_size} {path.stat().st_mtime_ns}"
        for folder in (ROOT / "partnerbase").rglob("static")
        for path in folder.rglob("*")
        if path.is_file()
    )
    requirements = (ROOT / "requirements" / "base.txt").read_text()
    stamp = hashlib.sha256("\n".join([*sources, requirements]).encode()).hexdigest()
    if (cache / "stamp").exists() and (cache / "stamp").read_text() == stamp:
        return cache
    print("collecting the static files…", flush=True)
    shutil.rmtree(cache, ignore_errors=True)
    cache.mkdir(parents=True)
    collecting = home / "collecting"
    (collecting / "var").mkdir(parents=True)
    (collecting / "var" / "static").symlink_to(cache)
    manage(
        production_env(collecting, "sqlite:///unused.sqlite3"), "collectstatic", "--noinput", "-v0"
    )
    (cache / "stamp").write_text(stamp)
    return cache


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
