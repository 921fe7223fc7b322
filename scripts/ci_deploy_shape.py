"""The production shape, once, in CI (docs/deploy.md): PostgreSQL, two gunicorn workers and
one task worker. A person signs in, starts a brokering round on its page, and the task
worker (not the web process) runs it. Exits non-zero if any of that does not happen.

    DATABASE_URL=postgres://partnerbase:partnerbase@127.0.0.1:5432/partnerbase_shape \\
        .venv/bin/python scripts/ci_deploy_shape.py

The database named in DATABASE_URL is dropped and made afresh (its role needs CREATEDB);
the production settings are used, with static files collected into a temporary home.
"""

import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse

import requests

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "correct horse battery staple"
WAIT_SECONDS = 45


def fail(message: str) -> None:
    print(f"deploy shape: FAILED: {message}", flush=True)
    sys.exit(1)


def fresh_database(url: str) -> None:
    import psycopg

    name = urlparse(url).path.lstrip("/")
    if not re.fullmatch(r"[a-z0-9_]+", name):
        fail(f"use a plain database name, not {name!r}")
    admin = urlparse(url)._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def build_round():
    """A small programme whose round has something to match, and its team member."""
    import django

    # The brokering tests' world is built with the shared test factories (tests/).
    sys.path.insert(0, str(ROOT))
    django.setup()
    from django.core.management import call_command

    from partnerbase.accounts.models import Role
    from partnerbase.brokering.tests.conftest import build_world
    from tests.factories import make_user

    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    world = build_world(make_user(full_name="Tess Team"))
    team = world.user(Role.TEAM)
    team.set_password(PASSWORD)
    team.save()
    return world.programme, world.round(name="Round through the queue"), team


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def csrf(html: str) -> str:
    found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    if not found:
        fail("no CSRF token on the page")
    return found.group(1)


class Browser:
    """Requests as a browser behind the HTTPS proxy sends them: the proxy's header, the
    page's own address as Referer (Django's CSRF check), and the secure cookies, which a
    cookie jar keeps back from a plain-HTTP address."""

    def __init__(self, site: str):
        self.site, self.jar, self.last = site, {}, ""

    def _send(self, method: str, url: str, **kwargs) -> requests.Response:
        headers = {"X-Forwarded-Proto": "https"}
        if self.last:
            headers["Referer"] = self.last.replace("http://", "https://", 1)
        response = requests.request(
            method,
            url,
            headers=headers,
            cookies=self.jar,
            timeout=60,
            allow_redirects=False,
            **kwargs,
        )
        self.jar.update(response.cookies.get_dict())
        self.last = url
        if response.is_redirect:
            return self.get(requests.compat.urljoin(url, response.headers["Location"]))
        return response

    def get(self, url: str) -> requests.Response:
        return self._send("GET", url)

    def post(self, url: str, data: dict) -> requests.Response:
        return self._send("POST", url, data=data)


def main() -> None:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        fail("DATABASE_URL must name a PostgreSQL database")
    # Production settings (gunicorn serves nothing else), over plain HTTP on the loopback:
    # requests say they came through an HTTPS proxy (X-Forwarded-Proto).
    os.environ.update(
        DJANGO_SETTINGS_MODULE="partnerbase.settings",
        PARTNERBASE_ENV="production",
        PARTNERBASE_HOME=tempfile.mkdtemp(prefix="partnerbase-shape-"),
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
    )
    started = time.monotonic()
    fresh_database(url)
    programme, round, team = build_round()
    print(f"deploy shape: database ready in {time.monotonic() - started:.0f}s", flush=True)
    port = free_port()
    python = sys.executable
    bin_dir = Path(python).parent
    web = subprocess.Popen(
        [
            str(bin_dir / "gunicorn"),
            "partnerbase.wsgi",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{port}",
            "--timeout",
            "120",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
    )
    worker = subprocess.Popen(
        [
            python,
            "-m",
            "partnerbase.cli",
            "db_worker",
            "--no-reload",
            "--interval",
            "0.5",
            "--worker-id",
            "ci-task-worker",
        ],
        cwd=ROOT,
    )
    try:
        run(programme, round, team, port)
    finally:
        for process in (web, worker):
            process.send_signal(signal.SIGTERM)
        for process in (web, worker):
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
    print(f"deploy shape: ok in {time.monotonic() - started:.0f}s", flush=True)


def run(programme, round, team, port: int) -> None:
    from django_tasks_db.models import DBTaskResult

    from partnerbase.brokering.models import RoundStatus
    from partnerbase.jobs.models import Job, JobStatus

    site = f"http://127.0.0.1:{port}"
    session = Browser(site)
    for _ in range(60):  # gunicorn's workers take a moment to load Django
        try:
            login = session.get(f"{site}/accounts/login/")
            break
        except requests.RequestException:  # not listening yet, or still loading
            time.sleep(0.5)
    else:
        fail("gunicorn did not answer")
    signed_in = session.post(
        f"{site}/accounts/login/",
        data={
            "username": team.email,
            "password": PASSWORD,
            "csrfmiddlewaretoken": csrf(login.text),
        },
    )
    if "sessionid" not in session.jar:
        fail(f"could not sign in (HTTP {signed_in.status_code})")
    page_url = f"{site}/programmes/{programme.slug}/brokering/rounds/{round.uid}/"
    page = session.get(page_url)
    if page.status_code != 200:
        fail(f"the round page answered {page.status_code}")
    run_url = re.search(r'action="([^"]*/run/)"', page.text)
    if not run_url:
        fail("no Run button on the round page")
    started = session.post(
        site + run_url.group(1),
        data={"csrfmiddlewaretoken": csrf(page.text)},
    )
    # Back on the round's page, with no error; what it shows of the run depends on how far
    # the worker has gone (it may have finished already), so the job is checked below.
    refused = "govuk-error-summary" in started.text
    if started.status_code != 200 or started.url != page_url or refused:
        fail(f"starting the run answered {started.status_code} at {started.url}")
    print("deploy shape: the round is queued; waiting for the task worker", flush=True)
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        job = Job.objects.filter(programme=programme).first()
        if job and job.status in (JobStatus.SUCCEEDED, JobStatus.FAILED):
            break
        time.sleep(0.5)
    else:
        fail(f"the task worker did not finish the round in {WAIT_SECONDS}s")
    if job.status != JobStatus.SUCCEEDED:
        fail(f"the round's run failed: {job.error}")
    queued = DBTaskResult.objects.get(id=job.task_result_id)
    if queued.worker_ids != ["ci-task-worker"]:
        fail(f"the run was not the task worker's: {queued.worker_ids}")
    round.refresh_from_db()
    shown = session.get(page_url).text
    if round.status != RoundStatus.RUN or "Run again" not in shown:
        fail(f"the round is {round.status} after the run")
    print(
        f"deploy shape: the task worker ran the round: {job.result['introductions']} "
        "introductions proposed",
        flush=True,
    )


if __name__ == "__main__":
    main()
