import json
from datetime import date

from django.core.management.base import BaseCommand, CommandError

from partnerbase.funding.money import format_rate
from partnerbase.impact.figures import headline_figures
from partnerbase.impact.period import Period, programme_period
from partnerbase.programmes.models import Programme


def _date(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise CommandError(f"{text!r} is not a date: use YYYY-MM-DD.") from exc


class Command(BaseCommand):
    help = "Print a programme's headline figures with their targets and status."

    def add_arguments(self, parser):
        parser.add_argument(
            "--programme", metavar="SLUG", help="the programme (needed when there are several)"
        )
        parser.add_argument("--from", dest="start", metavar="YYYY-MM-DD")
        parser.add_argument("--to", dest="end", metavar="YYYY-MM-DD")
        parser.add_argument(
            "--json",
            dest="as_json",
            action="store_true",
            help="print one JSON object keyed by figure",
        )

    def handle(self, *args, programme=None, start=None, end=None, as_json=False, **options):
        chosen = self._programme(programme)
        whole = programme_period(chosen)
        try:
            period = Period(_date(start) or whole.start, _date(end) or whole.end)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        figures = headline_figures(chosen, period)
        if as_json:
            self.stdout.write(json.dumps(figures.as_json(), indent=2, ensure_ascii=False))
            return
        self.stdout.write(f"{chosen.name}: {period}")
        for f in figures:
            target = f" (target {f.target_display})" if f.target is not None else ""
            self.stdout.write(f"  {f.label:<30} {f.display}{target}: {f.status_label}")
        for code, _, rate in figures.display_rates:
            if rate:
                self.stdout.write(
                    f"{code} at {format_rate(rate.rate)} per {rate.base}, the rate on "
                    f"{rate.on:%-d %B %Y} ({rate.source})"
                )
        for note in figures.notes:
            self.stdout.write(note)

    def _programme(self, slug: str | None) -> Programme:
        if slug:
            found = Programme.objects.filter(slug=slug).first()
            if not found:
                raise CommandError(f"No programme with slug {slug!r}.")
            return found
        programmes = list(Programme.objects.all()[:2])
        if not programmes:
            raise CommandError("There is no programme yet: run `partnerbase demo` or import one.")
        if len(programmes) > 1:
            raise CommandError("There are several programmes: name one with --programme SLUG.")
        return programmes[0]
