import json

from django.core.management.base import BaseCommand, CommandError

from partnerbase.impact.figures import headline_figures
from partnerbase.impact.period import Period, programme_period
from partnerbase.programmes.models import Programme


class Command(BaseCommand):
    help = "Print a programme's headline figures with their targets and status."

    def add_arguments(self, parser):
        parser.add_argument("--programme", metavar="SLUG",
                            help="the programme's slug (needed when there is more than one)")
        parser.add_argument("--from", dest="start", metavar="YYYY-MM-DD")
        parser.add_argument("--to", dest="end", metavar="YYYY-MM-DD")
        parser.add_argument("--json", action="store_true", help="print one JSON object")

    def handle(self, *args, programme=None, start=None, end=None, json=False, **options):
        chosen = self._programme(programme)
        period = programme_period(chosen)
        try:
            period = Period(_date(start) or period.start, _date(end) or period.end)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        figures = headline_figures(chosen, period)
        if json:
            self.stdout.write(_json.dumps(figures.as_json(), indent=2))
            return
        self.stdout.write(f"{chosen.name}: {period}")
        for f in figures:
            target = f" (target {f.target_display})" if f.target is not None else ""
            self.stdout.write(f"  {f.label:<30} {f.display}{target} — {f.status_label}")
        for code, _, rate in figures.display_rates:
            if rate:
                self.stdout.write(f"{code} at {rate.rate} per {rate.base} on {rate.on} "
                                  f"({rate.source})")
        for note in figures.notes:
            self.stdout.write(note)

    def _programme(self, slug):
        if slug:
            found = Programme.objects.filter(slug=slug).first()
            if not found:
                raise CommandError(f"No programme with slug {slug!r}.")
            return found
        programmes = list(Programme.objects.all()[:2])
        if len(programmes) != 1:
            raise CommandError("Name the programme with --programme SLUG." if programmes
                               else "There is no programme yet: run `partnerbase demo` or import one.")
        return programmes[0]


_json = json


def _date(text):
    from datetime import date

    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise CommandError(f"{text!r} is not a date: use YYYY-MM-DD.") from exc
