"""One specification per array of the interchange file, in the file's order.

Each says the model and its scope in the programme, the fields (in the file's key order)
with how each is written and read, the references to other arrays by the file's ids, and
what creates a record on import: the service (with each field's keyword), or a hook in
importer/ where a record is replayed through several services. The file's arrays, the
export, the import and its order, the reference checks and the schema's test all derive
from this list (docs/interchange.md, "Adding an array").
"""

from datetime import date

from .fields import (
    Spec,
    day,
    decimal,
    json,
    moment,
    money,
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


def _uid(record) -> str:
    return str(record.uid)


def _by_position(record) -> tuple:
    return (record.position, str(record.uid))


def _by_date(record) -> tuple:
    return (record.observed_on, str(record.uid))


def _criterion_scores(*extra: str):
    """A scored assignment's scores in rubric order; a score has no id of its own."""

    def write(assignment) -> list[dict]:
        return [
            {"criterion": str(s.criterion.uid), **{k: getattr(s, k) for k in extra}}
            for s in assignment.scores.all()
        ]

    return write


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


# What an indicator's observation holds (outcomes' add `evidence_url`).
_OBSERVED = (day("observed_on"), decimal("value"), text("quality"), text("evidence"))

# What a need and an offer share, after their own fields.
_WANT = (
    words("regions"),
    ref("challenge_area", "challenge_areas"),
    text("description"),
    text("status", "open", arg=None),
    day("recorded_on"),
    day("closed_on", arg=None),
)


PROGRAMME = Spec(
    "programme",
    "programme",
    (
        text("name"),
        text("slug"),
        text("description"),
        day("starts_on"),
        day("ends_on"),
        text("reference_currency", "GBP"),
        words("display_currencies", ("USD",), sep=","),
        day("report_date"),
        value("figures_published", False),
        text("department_contact"),
        text("accessibility_statement"),
        text("privacy_notice"),
        text("phase_banner"),
    ),
    model="programmes.Programme",
    service="programmes.services:programme_create",
    build="core:programme",
)

SPECS = [
    Spec(
        "targets",
        "target",
        (text("figure"), decimal("value"), day("set_on"), text("notes")),
        model="impact.Target",
        service="impact.services:target_set",
        programme=True,
    ),
    Spec(
        "exchange_rates",
        "exchange rate",
        (text("base"), text("quote"), day("rate_date"), decimal("rate"), text("source")),
        model="funding.ExchangeRate",
        service="funding.services:exchange_rate_add",
        programme=True,
        batched=True,
    ),
    Spec(
        "challenge_areas",
        "challenge area",
        (text("name"), text("slug"), text("description")),
        model="challenges.ChallengeArea",
        service="challenges.services:challenge_area_create",
        programme=True,
    ),
    Spec(
        "organisations",
        "organisation",
        (
            text("name"),
            text("kind"),
            text("sector_group"),
            value(
                "identifiers",
                [],
                write=lambda o: sorted(str(i) for i in o.identifiers.all()),
            ),
            value("convenes_programme", False),
            words("regions"),
            value("employee_count"),
            value("customer_count"),
            value("national_reach", False),
            text("responsible_business_notes"),
            text("website"),
            text("description"),
        ),
        model="directory.Organisation",
        prefetch=("identifiers",),
        service="directory.services:organisation_create",
        programme=True,
        batched=True,
    ),
    Spec(
        "people",
        "person",
        (
            text("name"),
            text("job_title"),
            ref("organisation", "organisations"),
            text("email"),
            text("phone"),
        ),
        model="directory.Person",
        service="directory.services:person_create",
        programme=True,
        batched=True,
    ),
    Spec(
        "engagements",
        "engagement",
        (
            ref("organisation", "organisations"),
            text("kind"),
            day("occurred_on"),
            text("summary"),
            text("notes"),
            refs("participants", "people", through="person"),
        ),
        model="directory.Engagement",
        service="directory.services:engagement_record",
        programme=True,
        batched=True,
    ),
    Spec(
        "champions",
        "champion (board seat)",
        (
            ref("person", "people"),
            ref("organisation", "organisations"),
            text("role", "member"),
            day("term_starts_on"),
            day("term_ends_on"),
        ),
        model="board.Champion",
        service="board.services:champion_appoint",
        programme=True,
    ),
    Spec(
        "board_meetings",
        "board meeting",
        (day("held_on"), text("title"), text("agenda")),
        model="board.BoardMeeting",
        service="board.services:meeting_create",
        programme=True,
    ),
    Spec(
        # Metadata only: the file holds no bytes, so the record comes back without its file.
        "board_papers",
        "board paper",
        (
            ref("meeting", "board_meetings"),
            text("title"),
            text("filename", attr="original_filename", arg="original_filename"),
            value("size_bytes"),
            text("sha256"),
        ),
        model="board.BoardPaper",
        scope="meeting__programme",
        service="board.services:paper_restore",
    ),
    Spec(
        "decisions",
        "decision",
        (ref("meeting", "board_meetings"), text("kind"), text("summary"), text("detail")),
        model="board.Decision",
        scope="meeting__programme",
        service="board.services:decision_record",
    ),
    Spec(
        "actions",
        "action",
        (
            ref("meeting", "board_meetings"),
            ref("decision", "decisions"),
            text("description"),
            ref("owner_champion", "champions"),
            ref("owner_person", "people"),
            day("due_on"),
            text("status", "open"),
            day("done_on"),
        ),
        model="board.Action",
        scope="meeting__programme",
        service="board.services:action_record",
    ),
    Spec(
        "champion_criteria",
        "champion criterion",
        (text("name"), value("weight", 1), value("position")),
        model="champions.Criterion",
        service="champions.services:criterion_add",
        programme=True,
    ),
    Spec(
        # Replayed through the pipeline: added, scored, moved, committed to its seat.
        "champion_prospects",
        "champion prospect",
        (
            ref("person", "people"),
            ref("organisation", "organisations"),
            text("notes"),
            text("stage"),
            day("stage_changed_on"),
            ref("champion", "champions", one_to_one=True),
            rows(
                "scores",
                refs=(("criterion", "champion_criteria"),),
                write=lambda p: sorted(
                    ({"criterion": str(s.criterion.uid), "value": s.value} for s in p.scores.all()),
                    key=lambda s: s["criterion"],
                ),
            ),
            # In the order they happened: the importer replays them through the pipeline.
            nested(
                "stage_changes",
                Spec(
                    "champion_stage_changes",
                    "champion prospect's stage change",
                    (
                        text("from_stage", write=lambda c: c.from_stage or None),
                        text("to_stage"),
                        day("changed_on"),
                        text("note"),
                    ),
                    related="stage_changes",
                ),
            ),
            nested(
                "contacts",
                Spec(
                    "champion_contacts",
                    "contact with a champion prospect",
                    (ref("engagement", "engagements"),),
                    related="contacts",
                    order=_uid,
                ),
            ),
        ),
        model="champions.Prospect",
        prefetch=("scores__criterion",),
        build="champions:champion_prospect",
    ),
    Spec(
        "challenge_proposals",
        "challenge proposal",
        (
            text("title"),
            text("description"),
            ref("organisation", "organisations"),
            day("proposed_on"),
        ),
        model="challenges.ChallengeProposal",
        service="challenges.services:proposal_create",
        programme=True,
    ),
    Spec(
        # Set up and opened; once its ballots are cast, its stored outcome is restored.
        "challenge_votes",
        "challenge vote",
        (
            text("title"),
            text("electorate"),
            text("method"),
            value("seats"),
            day("opens_on"),
            day("closes_on"),
            # Its outcome, restored once its ballots are cast.
            text("status", "draft", arg=None),
            day("opened_on", arg=None),
            day("closed_on", arg=None),
            day("adopted_on", arg=None),
            refs("proposals", "challenge_proposals"),
            refs("electors", "organisations", arg=None),
            json("result", arg=None),
            rows(
                "chosen_areas",
                arg=None,
                refs=(("challenge_area", "challenge_areas"), ("proposal", "challenge_proposals")),
                write=lambda v: sorted(
                    (
                        {
                            "challenge_area": str(a.uid),
                            "proposal": a.proposal and str(a.proposal.uid),
                        }
                        for a in v.challenge_areas.all()
                    ),
                    key=lambda row: row["challenge_area"],
                ),
            ),
        ),
        model="challenges.ChallengeVote",
        prefetch=("challenge_areas__proposal",),
        service="challenges.services:vote_create",
        programme=True,
        build="challenges:challenge_vote",
        finish="challenges:challenge_vote_outcome",
    ),
    Spec(
        "challenge_ballots",
        "challenge ballot",
        (
            ref("vote", "challenge_votes"),
            ref("organisation", "organisations"),
            day("cast_on", arg="on"),
            refs("choices", "challenge_proposals", write=lambda b: list(b.choices)),
        ),
        model="challenges.Ballot",
        scope="vote__programme",
        service="challenges.services:ballot_cast",
    ),
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
                    order=_uid,
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
                    order=_uid,
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
    Spec(
        # Its stage and dates are replayed through the pipeline (restore.partnership_path).
        "partnerships",
        "partnership",
        (
            text("name"),
            text("kind"),
            ref("innovator", "organisations"),
            ref("project", "collaborative_projects"),
            refs("partners", "organisations", through="organisation"),
            text("stage", arg=None),
            day("proposed_on"),
            day("introduced_on", arg=None),
            day("confirmed_on", arg=None),
            day("ended_on", arg=None),
            money(
                "estimated_value",
                "estimated_value_minor",
                "estimated_value_currency",
                arg=None,
            ),
            ref("brokered_by", "organisations"),
            text("description"),
        ),
        model="brokering.Partnership",
        service="brokering.services:partnership_create",
        programme=True,
        build="core:partnership",
        batched=True,
    ),
    Spec(
        # A competition prize makes its own funding award (competition_awards).
        "funding_awards",
        "funding award",
        (
            text("title"),
            text("description"),
            text("instrument"),
            money("amount", "amount_minor", "currency"),
            day("award_date"),
            value("confirmed", True),
            ref("funder", "organisations"),
            ref("recipient", "organisations"),
            ref("via_partnership", "partnerships"),
            ref("via_intermediary", "organisations"),
            decimal("interest_rate_percent"),
            value("term_months"),
            text(
                "repayment_method",
                None,
                write=lambda a: a.repayment_method or None,
                read=lambda ref, v: v or "",
            ),
            day("first_repayment_on"),
            # Kept inside the award; its fields are opendata.services.DETAIL_FIELDS.
            nested(
                "grant_details",
                Spec("grant_details", "set of 360Giving details", (), related="grant_details"),
                arg=None,
                write="funding:grant_details",
            ),
        ),
        model="funding.FundingAward",
        select=("grant_details",),
        service="funding.services:funding_award_record",
        programme=True,
        build="funding:funding_award",
        batched=True,
    ),
    Spec(
        "disbursements",
        "disbursement",
        (
            ref("award", "funding_awards"),
            text("kind"),
            day("on"),
            money("amount", "amount_minor", "award.currency", currency_arg=None),
            text("notes"),
        ),
        model="funding.Disbursement",
        scope="award__programme",
        service="funding.services:disbursement_record",
        build="funding:disbursement",
    ),
    Spec(
        "loan_repayments",
        "loan repayment",
        (
            ref("award", "funding_awards"),
            day("paid_on"),
            money("amount", "amount_minor", "award.currency", currency_arg=None),
            text("notes"),
        ),
        model="funding.LoanRepayment",
        scope="award__programme",
        service="funding.services:loan_repayment_record",
        build="funding:loan_repayment",
    ),
    Spec(
        "collaborative_projects",
        "collaborative project",
        (
            text("name"),
            ref("challenge_area", "challenge_areas"),
            text("region"),
            day("launch_date"),
            text("status", "proposed"),
            text("description"),
            text("origin"),
            value("published", False),
            # A member has no id: the organisation and role identify it.
            rows(
                "coalition",
                refs=(("organisation", "organisations"),),
                write=lambda x: sorted(
                    (
                        {
                            "organisation": str(m.organisation.uid),
                            "role": m.role,
                            "joined_on": m.joined_on.isoformat() if m.joined_on else None,
                        }
                        for m in x.coalition.all()
                    ),
                    key=lambda m: (m["organisation"], m["role"]),
                ),
                read=lambda ref, members: [
                    (ref(m["organisation"]), m["role"], _date(m.get("joined_on"))) for m in members
                ],
            ),
        ),
        model="projects.CollaborativeProject",
        prefetch=("coalition__organisation",),
        service="projects.services:project_create",
        programme=True,
    ),
    Spec(
        "project_funding",
        "project funding link",
        (
            ref("project", "collaborative_projects"),
            ref("award", "funding_awards"),
            text("direction"),
        ),
        model="projects.ProjectFunding",
        scope="project__programme",
        service="projects.services:project_funding_link",
    ),
    Spec(
        "project_indicators",
        "project indicator",
        (
            ref("project", "collaborative_projects"),
            text("name"),
            text("unit"),
            nested(
                "observations",
                Spec(
                    "project_observations",
                    "project observation",
                    _OBSERVED,
                    related="observations",
                    order=_by_date,
                    service="projects.services:project_observation_record",
                ),
                arg="indicator",
            ),
        ),
        model="projects.ProjectIndicator",
        scope="project__programme",
        service="projects.services:project_indicator_add",
    ),
    Spec(
        # Archived once its members, meetings and ideas are in: an archived group takes none.
        "working_groups",
        "working group",
        (
            ref("challenge_area", "challenge_areas"),
            text("name"),
            text("purpose"),
            day("archived_on", arg=None),
        ),
        model="workinggroups.WorkingGroup",
        service="workinggroups.services:working_group_create",
        programme=True,
        finish="workinggroups:working_group_archived",
    ),
    Spec(
        # The member's account as its email: import finds it by email or creates it.
        "working_group_members",
        "working-group member",
        (
            ref("working_group", "working_groups"),
            ref("person", "people"),
            text("account_email", None, arg=None, write=lambda m: m.user.email if m.user else None),
            day("joined_on"),
            day("left_on"),
            value("lead", False, attr="is_lead", arg="is_lead"),
        ),
        model="workinggroups.WorkingGroupMember",
        service="workinggroups.services:working_group_member_add",
        scope="working_group__programme",
        select=("user",),
        build="workinggroups:working_group_member",
    ),
    Spec(
        "working_group_meetings",
        "working-group meeting",
        (
            ref("working_group", "working_groups"),
            day("held_on"),
            text("notes"),
            refs("attendees", "working_group_members"),
        ),
        model="workinggroups.WorkingGroupMeeting",
        scope="working_group__programme",
        service="workinggroups.services:meeting_record",
    ),
    Spec(
        # Brought to its status by the moves the pages make (importer/workinggroups.PATHS).
        "ideas",
        "idea",
        (
            ref("working_group", "working_groups"),
            text("title"),
            text("description"),
            ref("proposed_by", "working_group_members"),
            day("proposed_on"),
            text("status", "idea", arg=None),
            day("status_changed_on", arg=None),
            ref("project", "collaborative_projects", arg=None),
        ),
        model="workinggroups.Idea",
        scope="working_group__programme",
        service="workinggroups.services:idea_propose",
        build="workinggroups:idea",
    ),
    Spec(
        # Replayed: recorded, confirmed, each delivery, lapsed.
        "pledges",
        "pledge",
        (
            ref("organisation", "organisations"),
            ref("champion", "champions"),
            text("kind"),
            text("title"),
            text("description"),
            decimal("quantity"),
            text("unit"),
            money("estimated_value", "estimated_value_minor", "estimated_value_currency"),
            ref("challenge_area", "challenge_areas"),
            ref("project", "collaborative_projects"),
            ref("decision", "decisions"),
            day("pledged_on"),
            day("due_on"),
            text("status", "pledged"),
            day("confirmed_on"),
            day("delivered_on"),
            day("lapsed_on"),
            text("lapse_reason"),
            # In the order they were recorded: each delivery's value depends on those before.
            nested(
                "deliveries",
                Spec(
                    "pledge_deliveries",
                    "pledge delivery",
                    (
                        day("delivered_on"),
                        decimal("quantity"),
                        money("value", "value_minor", "pledge.estimated_value_currency"),
                        text("notes"),
                    ),
                    related="deliveries",
                    order=lambda d: (d.delivered_on, d.pk),
                ),
            ),
        ),
        model="pledges.Pledge",
        build="pledges:pledge",
    ),
    Spec(
        "needs",
        "need",
        (
            ref("innovator", "organisations"),
            text("type"),
            money("amount", "amount_minor", "currency"),
            value("quantity"),
            *_WANT,
        ),
        model="brokering.Need",
        service="brokering.services:need_create",
        programme=True,
        build="brokering:need",
        batched=True,
    ),
    Spec(
        "offers",
        "offer",
        (
            ref("partner", "organisations"),
            text("type"),
            value("capacity", 1),
            money("budget", "budget_minor", "budget_currency"),
            ref("preferred_challenge_area", "challenge_areas"),
            words("preferred_regions"),
            text("pledge_reference"),
            ref("pledge", "pledges"),
            *_WANT,
        ),
        model="brokering.Offer",
        service="brokering.services:offer_create",
        programme=True,
        build="brokering:offer",
        batched=True,
    ),
    Spec(
        # Its results are restored as stored (restore_brokering): reaching them through the
        # services would mean running the engine again.
        "brokering_rounds",
        "brokering round",
        (
            text("name"),
            text("status", "draft", arg=None, write="brokering:round_status"),
            text("mode", "optimal"),
            json("weights", write="brokering:round_weights"),
            value("innovator_capacity", 3),
            value("min_introductions", 1),
            # Its results, restored after it is made.
            moment("run_at", arg=None),
            day("sent_on", arg=None),
            decimal("objective", arg=None),
            value("shortfall", arg=None),
            value("optimal", arg=None),
            decimal("stable_cost", arg=None),
        ),
        model="brokering.BrokeringRound",
        service="brokering.services:round_create",
        programme=True,
        build="brokering:brokering_round",
    ),
    Spec(
        "round_innovator_settings",
        "round innovator setting",
        (
            ref("round", "brokering_rounds"),
            ref("innovator", "organisations"),
            value("capacity"),
            value("min_introductions"),
        ),
        model="brokering.RoundInnovatorSetting",
        scope="round__programme",
        build="brokering:round_innovator_setting",
    ),
    Spec(
        # Restored as stored, linked to its partnership by id: sending it again would make
        # a second partnership.
        "introductions",
        "introduction",
        (
            ref("round", "brokering_rounds"),
            ref("innovator", "organisations"),
            ref("partner", "organisations"),
            ref("need", "needs"),
            ref("offer", "offers"),
            decimal("score"),
            json("parts", {}),
            text("reasons"),
            text("status", "proposed"),
            day("sent_on"),
            text("innovator_response", "pending"),
            text("innovator_reason"),
            day("innovator_responded_on"),
            text("partner_response", "pending"),
            text("partner_reason"),
            day("partner_responded_on"),
            ref("partnership", "partnerships", one_to_one=True),
        ),
        model="brokering.Introduction",
        build="brokering:introduction",
        batched=True,
    ),
    Spec(
        "competitions",
        "competition",
        (
            text("name"),
            ref("sponsor", "organisations"),
            money("prize_fund", "prize_fund_minor", "prize_fund_currency"),
            day("launch_date"),
            ref("challenge_area", "challenge_areas"),
            text("description"),
            value("published", False),
            # In date order, then the order they were added (as the pages show them).
            nested(
                "stages",
                Spec(
                    "competition_stages",
                    "competition stage",
                    (text("name"), day("starts_on"), day("ends_on")),
                    related="stages",
                    service="projects.services:competition_stage_add",
                ),
                arg="competition",
            ),
            # In rubric order: the order they were added.
            nested(
                "rubric_criteria",
                Spec(
                    "rubric_criteria",
                    "rubric criterion",
                    (
                        text("name"),
                        value("weight", 1),
                        value("min_score", 0),
                        value("max_score", 10),
                    ),
                    related="criteria",
                    service="projects.services:rubric_criterion_add",
                ),
                arg="competition",
            ),
        ),
        model="projects.Competition",
        service="projects.services:competition_create",
        programme=True,
    ),
    Spec(
        "competition_entries",
        "competition entry",
        (
            ref("competition", "competitions"),
            ref("organisation", "organisations"),
            text("title"),
            text("summary"),
            day("entered_on"),
        ),
        model="projects.CompetitionEntry",
        scope="competition__programme",
        service="projects.services:competition_entry_record",
    ),
    Spec(
        # The judge's account as its email and name: import finds it or creates it.
        "competition_judges",
        "competition judge",
        (
            ref("competition", "competitions"),
            text("email", arg=None, write=lambda j: j.user.email),
            text("name", arg=None, write=lambda j: j.user.full_name),
            ref("organisation", "organisations"),
        ),
        model="projects.CompetitionJudge",
        scope="competition__programme",
        select=("user",),
        build="projects:competition_judge",
    ),
    Spec(
        "judge_assignments",
        "judge assignment",
        (
            ref("entry", "competition_entries"),
            ref("judge", "competition_judges"),
            day("submitted_on"),
            # In rubric order; a score's own id is not kept (the pair identifies it).
            rows(
                "scores",
                refs=(("criterion", "rubric_criteria"),),
                write=_criterion_scores("score"),
            ),
        ),
        model="projects.JudgeAssignment",
        scope="entry__competition__programme",
        prefetch=("scores__criterion",),
        build="projects:judge_assignment",
    ),
    Spec(
        # The prize makes its own funding award, with the file's id.
        "competition_awards",
        "competition award",
        (
            ref("entry", "competition_entries"),
            ref("funding_award", "funding_awards", one_to_one=True),
        ),
        model="projects.CompetitionAward",
        scope="entry__competition__programme",
        build="projects:competition_award",
        makes=("funding_awards",),
    ),
    Spec(
        "outcome_indicators",
        "outcome indicator",
        (
            ref("organisation", "organisations"),
            text("kind"),
            text("name"),
            text("unit"),
            nested(
                "observations",
                Spec(
                    "outcome_observations",
                    "outcome observation",
                    (*_OBSERVED, text("evidence_url")),
                    related="observations",
                    order=_by_date,
                    service="outcomes.services:outcome_observation_record",
                ),
                arg="indicator",
            ),
        ),
        model="outcomes.OutcomeIndicator",
        service="outcomes.services:outcome_indicator_add",
        programme=True,
    ),
    Spec(
        # A story is an innovator's: its service looks for the cohort place.
        # The paragraphs are written from the records, so not kept.
        "stories",
        "innovator's story",
        (
            ref("organisation", "organisations"),
            value("position", 0),
            text("own_sentence"),
            value("published", False),
        ),
        model="stories.Story",
        service="stories.services:story_add",
        programme=True,
        after=("cohort_memberships",),
    ),
]
