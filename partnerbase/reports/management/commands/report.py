import time
from pathlib import Path

from django.core.management.base import CommandError

from partnerbase.core.commands import BadInput, InputCommand
from partnerbase.core.period import Period, programme_period
from partnerbase.reports.report.build import build_report
from partnerbase.reports.report.render import document_html, report_pdf

from .metrics import parse_date, programme_from_slug

FORMATS = (".pdf", ".html")


class Command(InputCommand):
    help = "Write a programme's progress report as PDF or HTML, showing progress per section."

    def add_arguments(self, parser):
        parser.add_argument(
            "--programme", metavar="SLUG", help="the programme (needed when there are several)"
        )
        parser.add_argument("--from", dest="start", metavar="YYYY-MM-DD")
        parser.add_argument("--to", dest="end", metavar="YYYY-MM-DD")
        parser.add_argument(
            "-o",
            "--output",
            required=True,
            metavar="FILE.pdf|FILE.html",
            help="where to write the report; its ending chooses the format",
        )

    def handle(self, *args, programme=None, start=None, end=None, output=None, **options):
        # Bad input is the caller's to fix: exit code 2, as argparse's own errors.
        try:
            path = Path(output)
            if path.suffix.lower() not in FORMATS:
                raise CommandError(f"{output!r} must end in .pdf or .html.")
            if not path.parent.is_dir():
                raise CommandError(f"There is no folder {str(path.parent)!r} to write to.")
            chosen = programme_from_slug(programme)
            whole = programme_period(chosen)
            try:
                period = Period(parse_date(start) or whole.start, parse_date(end) or whole.end)
            except ValueError as exc:
                raise CommandError(str(exc)) from exc
        except CommandError as exc:
            raise BadInput(str(exc)) from exc

        started = time.perf_counter()

        def say(text):  # progress on stderr, plain, so stdout holds only the result
            self.stderr.write(text, style_func=lambda x: x)
            self.stderr.flush()

        def progress(index, count, section):
            say(f"[{index + 1}/{count}] {section.title}…")

        say(f"{chosen.name}: {period}")
        report = build_report(chosen, period, progress=progress)
        if path.suffix.lower() == ".pdf":
            say("Laying out the PDF…")
            path.write_bytes(report_pdf(report))
        else:
            path.write_text(document_html(report), encoding="utf-8")
        took = time.perf_counter() - started
        self.stdout.write(f"Wrote {path} in {took:.1f} s.")
