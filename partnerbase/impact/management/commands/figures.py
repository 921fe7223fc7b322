"""`partnerbase figures verify [--programme SLUG]`: recompute every kept figure set that a
reader would be given (or the named programme's) and compare it with what is kept.

Prints each difference (set, figure and field, kept, live) and exits 1 if there is any;
else one line saying how many sets matched, and exit 0. A stale set is not compared: it is
recomputed before anyone reads it.
"""

from django.core.management.base import CommandError

from partnerbase.core.commands import BadInput, InputCommand
from partnerbase.core.period import Period
from partnerbase.impact.kept import differences, fresh_sets
from partnerbase.impact.models import KeptFigureSet
from partnerbase.programmes.models import Programme


class Command(InputCommand):
    help = "Check the kept headline figures against the figures computed live (verify)."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["verify"])
        parser.add_argument("--programme", metavar="SLUG", help="only this programme's")

    def handle(self, *args, action, programme=None, **options):
        chosen = None
        if programme:
            chosen = Programme.objects.filter(slug=programme).first()
            if chosen is None:
                raise BadInput(f"No programme with slug {programme!r}.")
        checked, wrong = 0, 0
        for kept in fresh_sets(chosen):
            checked += 1
            found = differences(kept)
            wrong += bool(found)
            where = f"{kept.programme.slug}, {Period(kept.starts_on, kept.ends_on)}"
            for d in found:
                self.stdout.write(f"{where}: {d.figure}: kept {d.kept!r}, live {d.live!r}")
        every = KeptFigureSet.objects.all()
        stale = (every.filter(programme=chosen) if chosen else every).count() - checked
        later = f" ({stale} stale, recomputed when next read)" if stale else ""
        if wrong:
            raise CommandError(
                f"{wrong} of {checked} kept figure sets differ from the live figures.",
                returncode=1,
            )
        self.stdout.write(f"OK: {checked} kept figure sets match the live figures{later}.")
