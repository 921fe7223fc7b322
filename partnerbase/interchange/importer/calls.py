"""Creating calls (with their questions and eligibility rules) and applications (with their
answers; file answers as name and size only)."""

from datetime import timedelta

from partnerbase.calls import services as calls

from ..format import parse_datetime


class CallSteps:
    def call(self, r: dict):
        call = calls.call_create(
            **self.common(r),
            accelerator=self.ref(r["accelerator"]),
            title=r["title"],
            slug=r["slug"],
            summary=r.get("summary", ""),
            opens_at=parse_datetime(r["opens_at"]),
            closes_at=parse_datetime(r["closes_at"]),
            challenge_areas=[self.ref(a) for a in r.get("challenge_areas", [])],
        )
        # Questions and rules were set before the call opened, as the services require.
        before = call.opens_at - timedelta(seconds=1)
        for q in r.get("questions", []):
            self.pending[q["id"]] = calls.question_add(
                **self.common(q),
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
            self.pending[rule["id"]] = calls.rule_add(
                **self.common(rule),
                call=call,
                position=rule["position"],
                kind=rule["kind"],
                values=rule.get("values", []),
                amount=rule.get("amount"),
                question=self.pending.get(question) if question else None,
                now=before,
            )
        return call

    def application(self, r: dict):
        answers = []
        for a in r.get("answers", []):
            file = a.get("file") or {}
            answers.append(
                {
                    "uid": a["id"],
                    "question": self.ref(a["question"]),
                    "text": a.get("text", ""),
                    "number": a.get("number"),
                    "file_name": file.get("filename", ""),
                    "file_size": file.get("size_bytes"),
                    "illustrative": a.get("illustrative", False),
                }
            )
        application = calls.application_restore(
            **self.common(r),
            call=self.ref(r["call"]),
            organisation=self.ref(r["organisation"]),
            challenge_area=self.ref(r.get("challenge_area")),
            status=r["status"],
            submitted_at=parse_datetime(r.get("submitted_at")),
            withdrawn_at=parse_datetime(r.get("withdrawn_at")),
            answers=answers,
        )
        for a in r.get("answers", []):
            self.pending[a["id"]] = application.answers.get(uid=a["id"])
        return application
