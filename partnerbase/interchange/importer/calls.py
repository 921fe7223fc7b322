"""Creating calls (with their questions and eligibility rules) and applications (with their
answers; file answers as name and size only)."""

from datetime import timedelta

from partnerbase.calls import services as calls

from ..format import parse_datetime
from ..spec import by_name
from .generic import create


def call(imp, r: dict):
    call = create(imp, by_name("calls"), r)
    # Questions and rules were set before the call opened, as the services require.
    before = call.opens_at - timedelta(seconds=1)
    for q in r.get("questions", []):
        imp.pending[q["id"]] = calls.question_add(
            **imp.common(q),
            call=call,
            position=q["position"],
            kind=q["kind"],
            text=q["text"],
            help_text=q.get("help_text", ""),
            required=q.get("required", True),
            word_limit=q.get("word_limit"),
            min_value=q.get("min_value"),
            max_value=q.get("max_value"),
            prefix=q.get("prefix", ""),
            options="\n".join(q.get("options", [])),
            now=before,
        )
    for rule in r.get("eligibility_rules", []):
        question = rule.get("question")
        imp.pending[rule["id"]] = calls.rule_add(
            **imp.common(rule),
            call=call,
            position=rule["position"],
            kind=rule["kind"],
            values=rule.get("values", []),
            amount=rule.get("amount"),
            question=imp.pending.get(question) if question else None,
            now=before,
        )
    return call


def application(imp, r: dict):
    answers = []
    for a in r.get("answers", []):
        file = a.get("file") or {}
        answers.append(
            {
                "uid": a["id"],
                "question": imp.ref(a["question"]),
                "text": a.get("text", ""),
                "number": a.get("number"),
                "file_name": file.get("filename", ""),
                "file_size": file.get("size_bytes"),
                "illustrative": a.get("illustrative", False),
            }
        )
    application = calls.application_restore(
        **imp.common(r),
        call=imp.ref(r["call"]),
        organisation=imp.ref(r["organisation"]),
        challenge_area=imp.ref(r.get("challenge_area")),
        status=r["status"],
        submitted_at=parse_datetime(r.get("submitted_at")),
        withdrawn_at=parse_datetime(r.get("withdrawn_at")),
        answers=answers,
    )
    for a in r.get("answers", []):
        imp.pending[a["id"]] = application.answers.get(uid=a["id"])
    return application
