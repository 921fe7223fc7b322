"""The pages benchmark's data and server (benchmarks/pages.py): a copy of the cached SQLite
database or a PostgreSQL schema of its own, pages_setup.py run as a child with Django, the
static files collected once, and gunicorn in production settings."""

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import uuid
from pathlib import Path

from concurrency import base_env, manage, sqlite_database, wait_for
from figures import DEFAULT_POSTGRES_URL
from figures import database_url as figures_database_url

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
HOST = "127.0.0.1"


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
