import subprocess
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from partnerbase.core.period import programme_period
from partnerbase.demo.iep import DEMO_PASSWORD, DEMO_USERS, build_iep
from partnerbase.demo.iep_data import COMPETITION_JUDGES
from partnerbase.impact.figures import headline_figures


class Command(BaseCommand):
    help = "Build the Inclusive Economy Partnership demo programme, then serve it."

    def add_arguments(self, parser):
        parser.add_argument("--no-serve", action="store_true", help="build only; do not serve")
        parser.add_argument("--addrport", default="127.0.0.1:8000")

    def handle(self, *args, no_serve=False, addrport="127.0.0.1:8000", **options):
        call_command("migrate", interactive=False, verbosity=0)
        programme = build_iep()
        figures = headline_figures(programme, programme_period(programme))
        self.stdout.write(self.style.SUCCESS(f"Built the demo programme: {programme.name}"))
        for f in figures:
            self.stdout.write(
                f"  {f.label:<30} {f.display} (target {f.target_display}, {f.status_label.lower()})"
            )
        self.stdout.write("")
        self.stdout.write(f"Sign in at http://{addrport}/ with password {DEMO_PASSWORD!r} as:")
        for email, _, role, _ in DEMO_USERS:
            self.stdout.write(f"  {email:<24} {role.label}")
        listed = {email for email, *_ in DEMO_USERS}
        for email, _, _ in COMPETITION_JUDGES:
            if email not in listed:
                self.stdout.write(f"  {email:<24} Competition judge")
        self.stdout.write(f"  {'admin@example.org':<24} Administrator (also /admin/)")
        self.stdout.write(f"Published figures: http://{addrport}/public/{programme.slug}/")
        if not no_serve:
            if not settings.DEBUG:
                call_command("collectstatic", interactive=False, verbosity=0)
            worker = self._start_worker()
            try:
                call_command("runserver", addrport, use_reloader=False)
            finally:
                self._stop_worker(worker)

    def _start_worker(self) -> subprocess.Popen | None:
        """The task worker beside the server (brokering rounds, report PDFs, exports and
        emails run on it), so that `make demo` stays one command; it stops with the server."""
        if settings.TASKS["default"]["BACKEND"] != "django_tasks_db.DatabaseBackend":
            return None  # another queue (Redis) brings its own workers: docs/deploy.md
        command = [sys.executable, "-m", "partnerbase.cli", "db_worker", "--no-reload"]
        self.stdout.write("Started the task worker (partnerbase db_worker) beside the server.")
        return subprocess.Popen(command)

    def _stop_worker(self, worker: subprocess.Popen | None) -> None:
        if worker is None or worker.poll() is not None:
            return
        worker.terminate()  # the worker finishes the task in hand, then exits
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()
