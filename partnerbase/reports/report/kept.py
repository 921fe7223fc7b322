"""The progress report page as rendered, kept per period and reader's links (jobs/kept.py):
built by a task once per change of the records (and once a day: its words and statuses
say "today"), not on every request. At 100,000 organisations one build reads a million
awards and draws the map: 30 CPU seconds, minutes on a busy machine.

The stamp covers every domain model (the report reads most of them), so any change to the
programme's records makes the kept report stale; the page then shows the last one, with
when it was made, while the new one is built."""

from datetime import date

from django.apps import apps
from django.template.loader import render_to_string
from django_tasks import task

from partnerbase.core.models import DomainModel
from partnerbase.core.period import Period
from partnerbase.jobs.kept import kept_store, kept_wanted, records_stamp
from partnerbase.jobs.models import KeptOutput
from partnerbase.programmes.models import Programme

from .build import build_report

PREFIX = "report "


def _domain_models() -> list:
    return [m for m in apps.get_models() if issubclass(m, DomainModel)]


def report_stamp() -> str:
    return f"{records_stamp(_domain_models())} {date.today().isoformat()}"


def report_name(period: Period, links: dict) -> str:
    """The kept report's name: the period and which records pages the reader may open
    (a number is a link only for those who may follow it)."""
    opens = "".join(key[0] if links[key] else "-" for key in sorted(links))
    return f"{PREFIX}{period.start.isoformat()} {period.end.isoformat()} {opens}"


def report_wanted(programme, period: Period, links: dict, stamp: str) -> KeptOutput | None:
    """The kept report for the period and links; a build queued unless it is fresh or one
    is queued already."""
    return kept_wanted(
        programme,
        report_name(period, links),
        stamp,
        build_kept_report,
        start=period.start.isoformat(),
        end=period.end.isoformat(),
        links=links,
    )


@task()
def build_kept_report(*, programme_id: int, start: str, end: str, links: dict) -> dict:
    programme = Programme.objects.filter(pk=programme_id).first()
    if programme is None:  # deleted since
        return {"programme_id": programme_id, "built": False}
    period = Period(date.fromisoformat(start), date.fromisoformat(end))
    stamp = report_stamp()  # before reading: a change made meanwhile leaves it stale
    report = build_report(programme, period)
    html = render_to_string(
        "reports/report/_kept.html", {"programme": programme, "report": report, "links": links}
    )
    data = {"html": html, "owner": report.owner, "made_on": report.made_on.isoformat()}
    kept_store(programme, report_name(period, links), stamp=stamp, data=data, prune=PREFIX)
    return {"programme_id": programme_id, "built": True, "sections": len(report.sections)}
