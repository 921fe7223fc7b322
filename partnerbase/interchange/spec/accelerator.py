"""The accelerator: cohorts and their places, calls and applications, assessment,
selection, support sessions and milestones."""

from .fields import (
    Spec,
    by_uid,
    day,
    moment,
    nested,
    ref,
    refs,
    rows,
    text,
    value,
    words,
)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _by_position(record) -> tuple:
    return (record.position, str(record.uid))


SPECS = [
    Spec(
        "accelerators",
        "accelerator",
        (
            text("name"),
            ref("delivery_partner", "organisations"),
            day("starts_on"),
            day("ends_on"),
            text("description"),
        ),
        model="accelerator.Accelerator",
        service="accelerator.services:accelerator_create",
        programme=True,
    ),
    Spec(
        "cohorts",
        "cohort",
        (ref("accelerator", "accelerators"), text("name"), day("starts_on"), day("ends_on")),
        model="accelerator.Cohort",
        scope="accelerator__programme",
        service="accelerator.services:cohort_create",
    ),
    Spec(
        "cohort_memberships",
        "cohort membership",
        (
            ref("cohort", "cohorts"),
            ref("organisation", "organisations"),
            ref("challenge_area", "challenge_areas"),
            day("joined_on"),
            text("status", "active"),
            day("withdrawn_on"),
            day("graduated_on"),
        ),
        model="accelerator.CohortMembership",
        scope="cohort__accelerator__programme",
        service="accelerator.services:cohort_member_add",
    ),
    Spec(
        # Questions and rules are set before the call opens, as the services require.
        "calls",
        "call",
        (
            ref("accelerator", "accelerators"),
            text("title"),
            text("slug"),
            text("summary"),
            moment("opens_at"),
            moment("closes_at"),
            refs("challenge_areas", "challenge_areas"),
            nested(
                "questions",
                Spec(
                    "call_questions",
                    "call question",
                    (
                        value("position"),
                        text("kind"),
                        text("text"),
                        text("help_text"),
                        value("required", True),
                        value("word_limit"),
                        value("min_value"),
                        value("max_value"),
                        text("prefix"),
                        words("options", write=lambda q: _lines(q.options)),
                    ),
                    related="questions",
                    order=_by_position,
                ),
            ),
            nested(
                "eligibility_rules",
                Spec(
                    "eligibility_rules",
                    "eligibility rule",
                    (
                        value("position"),
                        text("kind"),
                        words("values", write=lambda r: _lines(r.values)),
                        value("amount"),
                        ref("question", "call_questions"),
                    ),
                    related="rules",
                    order=_by_position,
                ),
            ),
        ),
        model="calls.Call",
        service="calls.services:call_create",
        build="calls:call",
    ),
    Spec(
        # A file answer is written as metadata only (name and size), never its bytes.
        "applications",
        "application",
        (
            ref("call", "calls"),
            ref("organisation", "organisations"),
            ref("challenge_area", "challenge_areas"),
            text("status"),
            moment("submitted_at"),
            moment("withdrawn_at"),
            nested(
                "answers",
                Spec(
                    "application_answers",
                    "application answer",
                    (
                        ref("question", "call_questions"),
                        text("text"),
                        value("number"),
                        value(
                            "file",
                            write=lambda x: (
                                {"filename": x.file_name, "size_bytes": x.file_size}
                                if x.file_name
                                else None
                            ),
                        ),
                    ),
                    related="answers",
                    order=by_uid,
                ),
            ),
        ),
        model="calls.Application",
        scope="call__programme",
        build="calls:application",
    ),
    Spec(
        "assessment_rubrics",
        "assessment rubric",
        (
            ref("call", "calls"),
            value("disagreement_threshold", 25),
            # In rubric order.
            nested(
                "criteria",
                Spec(
                    "assessment_criteria",
                    "assessment criterion",
                    (
                        text("name"),
                        text("guidance"),
                        value("weight", 1),
                        value("min_score", 0),
                        value("max_score", 10),
                    ),
                    related="criteria",
                    service="assessment.services:criterion_add",
                ),
                arg="rubric",
            ),
        ),
        model="assessment.Rubric",
        scope="call__programme",
        service="assessment.services:rubric_create",
    ),
    Spec(
        # The assessor's account as its email and name, with the organisations their
        # assessor role names (the conflict-of-interest rule compares those).
        "assessor_assignments",
        "assessor assignment",
        (
            ref("application", "applications"),
            text("email"),
            text("name"),
            refs("organisations", "organisations"),
            moment("submitted_at"),
            # In rubric order; a score's own id is not kept (the pair identifies it).
            rows("scores", refs=(("criterion", "assessment_criteria"),)),
        ),
        model="assessment.Assignment",
        scope="application__call__programme",
        writer="assessment:assessor_assignments",
        build="assessment:assessor_assignment",
    ),
    Spec(
        "moderation_notes",
        "moderation note",
        (ref("application", "applications"), text("note")),
        model="assessment.ModerationNote",
        scope="application__call__programme",
        service="assessment.services:moderation_note_save",
    ),
    Spec(
        "selection_decisions",
        "selection decision",
        (
            ref("application", "applications"),
            text("decision"),
            text("reason"),
            moment("decided_at"),
            moment("notified_at"),
            ref("cohort_membership", "cohort_memberships", attr="membership", arg=None),
        ),
        model="accelerator.SelectionDecision",
        service="accelerator.services:decision_record",
        scope="application__call__programme",
        build="accelerator:selection_decision",
    ),
    Spec(
        "support_sessions",
        "support session",
        (
            ref("cohort", "cohorts"),
            text("kind"),
            text("title"),
            day("held_on"),
            text("facilitator"),
            text("notes"),
            nested(
                "attendance",
                Spec(
                    "attendance",
                    "attendance",
                    (ref("cohort_membership", "cohort_memberships", attr="membership"),),
                    related="attendances",
                    order=by_uid,
                ),
            ),
        ),
        model="accelerator.SupportSession",
        service="accelerator.services:session_create",
        scope="cohort__accelerator__programme",
        build="accelerator:support_session",
    ),
    Spec(
        # An evidence file as its name only: files stay with the installation.
        "milestones",
        "milestone",
        (
            ref("cohort_membership", "cohort_memberships", attr="membership"),
            text("title"),
            text("description"),
            day("due_on"),
            text("status", "planned"),
            day("achieved_on"),
            text("evidence"),
            value(
                "evidence_file",
                write=lambda m: {"name": m.evidence_filename} if m.evidence_filename else None,
            ),
            moment("evidence_recorded_at"),
        ),
        model="accelerator.Milestone",
        scope="membership__cohort__accelerator__programme",
        build="accelerator:milestone",
    ),
]
