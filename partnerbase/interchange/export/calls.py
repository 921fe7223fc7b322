"""Calls with their questions and eligibility rules, and applications with their answers
(format 1.3). A file answer is written as metadata only (name and size), never its bytes."""

from partnerbase.calls.models import Application, Call
from partnerbase.programmes.models import Programme

from ..format import datetime_text, id_text, sorted_by_id


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def calls(p: Programme) -> list[dict]:
    rows = (
        Call.objects.filter(programme=p)
        .select_related("accelerator")
        .prefetch_related("challenge_areas", "questions", "rules__question")
    )
    return sorted_by_id(
        {
            "id": str(c.uid),
            "accelerator": id_text(c.accelerator),
            "title": c.title,
            "slug": c.slug,
            "summary": c.summary,
            "opens_at": datetime_text(c.opens_at),
            "closes_at": datetime_text(c.closes_at),
            "challenge_areas": sorted(str(a.uid) for a in c.challenge_areas.all()),
            "questions": [
                {
                    "id": str(q.uid),
                    "position": q.position,
                    "kind": q.kind,
                    "text": q.text,
                    "help_text": q.help_text,
                    "required": q.required,
                    "word_limit": q.word_limit,
                    "min_value": q.min_value,
                    "max_value": q.max_value,
                    "prefix": q.prefix,
                    "options": _lines(q.options),
                    "illustrative": q.illustrative,
                }
                for q in sorted(c.questions.all(), key=lambda q: (q.position, str(q.uid)))
            ],
            "eligibility_rules": [
                {
                    "id": str(r.uid),
                    "position": r.position,
                    "kind": r.kind,
                    "values": _lines(r.values),
                    "amount": r.amount,
                    "question": id_text(r.question),
                    "illustrative": r.illustrative,
                }
                for r in sorted(c.rules.all(), key=lambda r: (r.position, str(r.uid)))
            ],
            "illustrative": c.illustrative,
        }
        for c in rows
    )


def applications(p: Programme) -> list[dict]:
    rows = (
        Application.objects.filter(call__programme=p)
        .select_related("call", "organisation", "challenge_area")
        .prefetch_related("answers__question")
    )
    return sorted_by_id(
        {
            "id": str(a.uid),
            "call": id_text(a.call),
            "organisation": id_text(a.organisation),
            "challenge_area": id_text(a.challenge_area),
            "status": a.status,
            "submitted_at": datetime_text(a.submitted_at),
            "withdrawn_at": datetime_text(a.withdrawn_at),
            "answers": sorted_by_id(
                {
                    "id": str(x.uid),
                    "question": id_text(x.question),
                    "text": x.text,
                    "number": x.number,
                    "file": (
                        {"filename": x.file_name, "size_bytes": x.file_size}
                        if x.file_name
                        else None
                    ),
                    "illustrative": x.illustrative,
                }
                for x in a.answers.all()
            ),
            "illustrative": a.illustrative,
        }
        for a in rows
    )
