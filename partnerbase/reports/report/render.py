"""The report as HTML for the PDF, and the PDF itself (WeasyPrint: A4, a contents page
with page numbers, a running header with the programme, period and owning department)."""

from django.template.loader import render_to_string

from .build import Report


def _css_string(text: str) -> str:
    """A CSS string literal's contents: backslashes and quotes escaped, no line breaks."""
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")


def running_header(report: Report) -> str:
    parts = [report.programme.name, str(report.period)]
    if report.owner:
        parts.append(report.owner)
    return " · ".join(parts)


def document_html(report: Report) -> str:
    """The standalone HTML WeasyPrint lays out: no navigation, no forms, no links."""
    return render_to_string(
        "reports/report/document.html",
        {
            "report": report,
            "programme": report.programme,
            "pdf": True,
            "links": {},
            "running_header": _css_string(running_header(report)),
        },
    )


def report_pdf(report: Report, base_url: str | None = None) -> bytes:
    from weasyprint import HTML  # loads Pango: only when a PDF is asked for

    return HTML(string=document_html(report), base_url=base_url).write_pdf()
