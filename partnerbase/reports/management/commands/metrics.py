import json
from datetime import date

from partnerbase.core.commands import BadInput, InputCommand
from partnerbase.core.limits import date_problem
from partnerbase.core.money import format_rate
from partnerbase.core.period import SPLITS, Period, programme_period
from partnerbase.impact.figures import headline_figures
from partnerbase.impact.models import Figure
from partnerbase.impact.series import figure_series
from partnerbase.programmes.models import Programme


def parse_date(text: str | None) -> date | None:
    if not text:
        return None
    try:
        value = date.fromisoformat(text)
    except ValueError as exc:
        raise BadInput(f"{text[:40]!r} is not a date: use YYYY-MM-DD.") from exc
    if problem := date_problem(value):
        raise BadInput(f"The date {problem}.")
    return value


def programme_from_slug(slug: str | None) -> Programme:
    """The programme named, or the only one."""
    if slug:
        found = Programme.objects.filter(slug=slug).first()
        if not found:
            raise BadInput(f"No programme with slug {slug!r}.")
        return found
    programmes = list(Programme.objects.all()[:2])
    if not programmes:
        raise BadInput("There is no programme yet: run `partnerbase demo` or import one.")
    if len(programmes) > 1:
        raise BadInput("There are several programmes: name one with --programme SLUG.")
    return programmes[0]


class Command(InputCommand):
    help = "Print a programme's headline figures with their targets and status."

    def add_arguments(self, parser):
        parser.add_argument(
            "--programme", metavar="SLUG", help="the programme (needed when there are several)"
        )
        parser.add_argument("--from", dest="start", metavar="YYYY-MM-DD")
        parser.add_argument("--to", dest="end", metavar="YYYY-MM-DD")
        parser.add_argument(
            "--by",
            choices=SPLITS,
            help="each figure as a series, by calendar month or quarter of the period",
        )
        parser.add_argument(
            "--json",
            dest="as_json",
            action="store_true",
            help="print one JSON object keyed by figure",
        )

    def handle(
        self, *args, programme=None, start=None, end=None, by=None, as_json=False, **options
    ):
        chosen = programme_from_slug(programme)
        whole = programme_period(chosen)
        try:
            period = Period(parse_date(start) or whole.start, parse_date(end) or whole.end)
        except ValueError as exc:
            raise BadInput(str(exc)) from exc
        if by:
            self._series(figure_series(chosen, period, by), as_json)
            return
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

    def _series(self, series, as_json: bool):
        if as_json:
            self.stdout.write(json.dumps(series.as_json(), indent=2, ensure_ascii=False))
            return
        keys = [key for key, _ in Figure.choices]
        header = ["From", "To"] + [Figure(key).label for key in keys]
        rows = [
            [f"{p.period.start}", f"{p.period.end}"] + [p.figures[k].display for k in keys]
            for p in series.parts
        ]
        whole = series.whole
        rows.append(
            [f"{whole.period.start}", f"{whole.period.end}"]
            + [whole.figures[k].display for k in keys]
        )
        widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]

        def line(cells):
            # Dates to the left, figures to the right.
            padded = [
                c.ljust(w) if i < 2 else c.rjust(w)
                for i, (c, w) in enumerate(zip(cells, widths, strict=True))
            ]
            return "  ".join(padded).rstrip()

        self.stdout.write(line(header))
        for row in rows[:-1]:
            self.stdout.write(line(row))
        self.stdout.write(line(["Whole period", ""] + rows[-1][2:]))
        self.stdout.write(
            "New projects, additional funding, partnerships confirmed and estimated value add "
            f"up over the {series.by}s to the whole period; the two counts of distinct "
            "organisations do not."
        )
