#!/usr/bin/env python
"""Concurrent writers and readers against gunicorn with the production settings.

    python benchmarks/concurrency.py [--database sqlite|postgres|both] [--posts 100]
        [--reads 100] [--workers 4] [--threads 4] [--port 8003]

For each database it starts from a fresh copy of the IEP demo: SQLite from a demo
database built once in `var/bench/concurrency/` and copied to a temporary directory;
PostgreSQL by dropping and building again the database in `BENCH_POSTGRES_URL` (default
`postgres://partnerbase:partnerbase@127.0.0.1:5432/partnerbase_stale`). It collects the
static files into the temporary directory (whitenoise serves them, as in production),
starts `gunicorn partnerbase.wsgi` (PARTNERBASE_ENV=production, a SECRET_KEY, DEBUG off)
and signs in the demo's convening team in several sessions. Then it fires, all at once,
`--posts` engagement forms (real form posts with their CSRF tokens, each recording an
engagement with an organisation) and `--reads` page reads (the dashboard, the
organisations, an organisation's page), and prints the status codes and latencies of each
kind, and whether every posted engagement is in the database afterwards (no lost writes).

The requests say they came through a TLS proxy (X-Forwarded-Proto: https), as production
expects; cookies are sent by hand because they are marked Secure.
"""

import argparse
import os
import re
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
CACHE = ROOT / "var" / "bench" / "concurrency"
POSTGRES_URL = os.environ.get(
    "BENCH_POSTGRES_URL", "postgres://partnerbase:partnerbase@127.0.0.1:5432/partnerbase_stale"
)
TEAM = ("team@example.org", "demo")
SESSIONS = 8
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--posts", type=int, default=100)
    parser.add_argument("--reads", type=int, default=100)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--port", type=int, default=8003)
    return parser.parse_args(argv)


def manage(env: dict, *args: str) -> None:
    command = [sys.executable, "-m", "partnerbase.cli", *args]
    subprocess.run(command, env=env, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)


def base_env(home: Path, database_url: str) -> dict:
    env = dict(os.environ)
    env.update(
        PARTNERBASE_HOME=str(home),
        DATABASE_URL=database_url,
        PYTHONPATH=str(ROOT) + os.pathsep + env.get("PYTHONPATH", ""),
        DJANGO_SETTINGS_MODULE="partnerbase.settings",
    )
    env.pop("PARTNERBASE_ENV", None)
    return env


def sqlite_database(home: Path) -> str:
    """A fresh copy of the demo database (built once into the cache)."""
    template = CACHE / "demo.sqlite3"
    if not template.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        building = CACHE / "building.sqlite3"
        building.unlink(missing_ok=True)
        env = base_env(CACHE, f"sqlite:///{building}")
        print("building the demo database once (about a minute)…", file=sys.stderr)
        manage(env, "migrate", "-v0")
        manage(env, "demo", "--no-serve")
        building.rename(template)
    copy = home / "partnerbase.sqlite3"
    shutil.copy(template, copy)
    return f"sqlite:///{copy}"


def postgres_database(home: Path) -> str:
    import psycopg

    name = POSTGRES_URL.rsplit("/", 1)[1]
    admin = POSTGRES_URL.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    env = base_env(home, POSTGRES_URL)
    print("building the demo database on PostgreSQL…", file=sys.stderr)
    manage(env, "migrate", "-v0")
    manage(env, "demo", "--no-serve")
    return POSTGRES_URL


def engagement_count(database_url: str) -> int:
    sql = "SELECT COUNT(*) FROM directory_engagement"
    if database_url.startswith("sqlite:///"):
        with sqlite3.connect(database_url.removeprefix("sqlite:///")) as connection:
            return connection.execute(sql).fetchone()[0]
    import psycopg

    with psycopg.connect(database_url) as connection:
        return connection.execute(sql).fetchone()[0]


def organisation_uids(database_url: str, count: int) -> list[str]:
    sql = (
        "SELECT o.uid FROM directory_organisation o JOIN programmes_programme p "
        f"ON p.id = o.programme_id WHERE p.slug = 'iep' ORDER BY o.id LIMIT {int(count)}"
    )
    if database_url.startswith("sqlite:///"):
        with sqlite3.connect(database_url.removeprefix("sqlite:///")) as connection:
            rows = connection.execute(sql).fetchall()
    else:
        import psycopg

        with psycopg.connect(database_url) as connection:
            rows = connection.execute(sql).fetchall()
    return [str(uuid.UUID(str(row[0]))) for row in rows]


class Browser:
    """One signed-in session: cookies by hand (they are Secure), headers of a TLS proxy."""

    def __init__(self, base: str):
        self.base = base
        self.cookies: dict[str, str] = {}
        self.http = requests.Session()

    def request(self, method: str, path: str, data=None, timeout=120) -> requests.Response:
        headers = {
            "X-Forwarded-Proto": "https",
            "Origin": self.base.replace("http://", "https://"),
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
        }
        response = self.http.request(
            method,
            self.base + path,
            data=data,
            headers=headers,
            allow_redirects=False,
            timeout=timeout,
        )
        self.cookies.update(response.cookies.get_dict())
        return response

    def token(self, path: str) -> str:
        response = self.request("GET", path)
        response.raise_for_status()
        return CSRF.search(response.text)[1]

    def sign_in(self, email: str = TEAM[0], password: str = TEAM[1]) -> None:
        token = self.token("/accounts/login/")
        data = {"csrfmiddlewaretoken": token, "username": email, "password": password}
        response = self.request("POST", "/accounts/login/", data)
        assert response.status_code == 302, f"sign-in answered {response.status_code}"


def wait_for(base: str, seconds: float = 60) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            requests.get(base + "/healthz", headers={"X-Forwarded-Proto": "https"}, timeout=10)
            return
        except requests.RequestException:  # not listening yet, or a worker still loading
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not start")


def storm(base: str, database_url: str, args) -> dict:
    browsers = [Browser(base) for _ in range(SESSIONS)]
    for browser in browsers:
        browser.sign_in()
    organisations = organisation_uids(database_url, args.posts)
    form = f"/programmes/iep/organisations/{organisations[0]}/engagements/add/"
    tokens = [browser.token(form) for browser in browsers]
    reads = ["/programmes/iep/", "/programmes/iep/organisations/"] + [
        f"/programmes/iep/organisations/{uid}/" for uid in organisations[:10]
    ]
    jobs = []
    for i in range(args.posts):
        browser, token = browsers[i % SESSIONS], tokens[i % SESSIONS]
        path = (
            f"/programmes/iep/organisations/{organisations[i % len(organisations)]}"
            "/engagements/add/"
        )
        data = {
            "csrfmiddlewaretoken": token,
            "kind": "meeting",
            "occurred_on_0": "12",
            "occurred_on_1": "3",
            "occurred_on_2": "2018",
            "summary": f"Concurrency benchmark {i}",
            "notes": "",
        }
        jobs.append(("POST", browser, path, data))
    for i in range(args.reads):
        jobs.append(("GET", browsers[i % SESSIONS], reads[i % len(reads)], None))
    start = threading.Barrier(len(jobs))

    def run(job):
        method, browser, path, data = job
        start.wait()
        began = time.perf_counter()
        try:
            status = browser.request(method, path, data).status_code
        except requests.RequestException as exc:
            status = type(exc).__name__
        return method, status, time.perf_counter() - began

    before = engagement_count(database_url)
    began = time.perf_counter()
    with ThreadPoolExecutor(max_workers=len(jobs)) as pool:
        results = list(pool.map(run, jobs))
    wall = time.perf_counter() - began
    saved = engagement_count(database_url) - before
    return {"results": results, "wall": wall, "saved": saved}


def measure(kind: str, args) -> dict:
    with tempfile.TemporaryDirectory(prefix="partnerbase-concurrency-") as tmp:
        home = Path(tmp)
        (home / "var").mkdir()
        url = sqlite_database(home) if kind == "sqlite" else postgres_database(home)
        env = base_env(home, url)
        env.update(
            PARTNERBASE_ENV="production",
            SECRET_KEY="concurrency-benchmark-" + uuid.uuid4().hex,
            ALLOWED_HOSTS="127.0.0.1",
            LOG_LEVEL="ERROR",
        )
        manage(env, "collectstatic", "--noinput", "-v0")  # the manifest whitenoise serves
        base = f"http://127.0.0.1:{args.port}"
        log = open(home / "gunicorn.log", "w")  # noqa: SIM115 - closed below
        server = subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                "partnerbase.wsgi",
                "--bind",
                f"127.0.0.1:{args.port}",
                "--workers",
                str(args.workers),
                "--threads",
                str(args.threads),
                "--timeout",
                "120",
            ],
            env=env,
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_for(base)
            outcome = storm(base, url, args)
        except Exception:
            print((home / "gunicorn.log").read_text()[-4000:], file=sys.stderr)
            raise
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(30)
            log.close()
        errors = [
            line
            for line in (home / "gunicorn.log").read_text().splitlines()
            if "Error" in line or "locked" in line
        ]
        outcome["log_errors"] = errors
        return outcome


def table(kind: str, outcome: dict, args) -> None:
    print(
        f"\n{kind}: {args.posts} form posts + {args.reads} reads at once, "
        f"gunicorn {args.workers} workers x {args.threads} threads, "
        f"all answered in {outcome['wall']:.2f} s"
    )
    print(f"{'request':8} {'answers':32} {'p50 s':>7} {'p95 s':>7} {'max s':>7}")
    for method in ("POST", "GET"):
        rows = [r for r in outcome["results"] if r[0] == method]
        statuses = Counter(str(r[1]) for r in rows)
        answers = ", ".join(f"{count}x{status}" for status, count in sorted(statuses.items()))
        times = sorted(r[2] for r in rows)
        p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
        print(
            f"{method:8} {answers:32} {statistics.median(times):7.2f} {p95:7.2f} {times[-1]:7.2f}"
        )
    print(f"engagements saved: {outcome['saved']} of {args.posts} posted")
    print(f"errors in the server's log: {len(outcome['log_errors'])}")
    for line in outcome["log_errors"][:5]:
        print("  " + line[:160])


def main(argv=None) -> None:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    kinds = ["sqlite", "postgres"] if args.database == "both" else [args.database]
    for kind in kinds:
        table(kind, measure(kind, args), args)


if __name__ == "__main__":
    main()
