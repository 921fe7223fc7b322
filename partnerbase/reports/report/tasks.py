"""The progress report's PDF built as a task: a national programme's report takes longer
than a page should wait, and the worker keeps the file for the person who asked."""

from datetime import date

from django_tasks import task

from partnerbase.core.period import Period
from partnerbase.jobs.services import job_run

from .build import build_report
from .render import report_pdf
from .sections import SECTIONS


def report_file_name(report) -> str:
    period = report.period
    return f"{report.programme.slug}-report-{period.start.isoformat()}-{period.end.isoformat()}.pdf"


@task()
def build_report_pdf(*, job_id: int, start: str, end: str, base_url: str) -> dict:
    def work(job, progress):
        steps = len(SECTIONS) + 1  # each section, then the PDF's layout

        def section_built(index, count, section):
            progress(f"Building “{section.title}”", index, steps)

        period = Period(date.fromisoformat(start), date.fromisoformat(end))
        report = build_report(job.programme, period, progress=section_built)
        progress("Laying out the PDF", steps - 1, steps)
        pdf = report_pdf(report, base_url=base_url)
        progress.attach(report_file_name(report), pdf)
        return {"sections": len(report.sections), "bytes": len(pdf)}

    return job_run(job_id, work)
