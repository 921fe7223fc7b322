"""No page changes data on GET: every URL pattern of the project (the admin's included),
its parameters filled from a small world (page_world.py; the walk is url_walk.py's), opened
with GET as someone signed out, as every role, as a superuser and as others (a judge, an
applicant, someone with no role, the other programme's team), counting the rows of every
table before and after.

The counts are one query per request (a scalar subquery per table). Four things are left
out, on purpose: django_session, because a GET may rightly keep something in the session
(the password-reset link moves its token there; messages); the kept headline figures
(impact.KeptFigureSet), which the dashboard and the public page compute and keep on the
first request for a period (derived data, like a cache: impact/kept.py); the outputs kept
for pages (jobs.KeptOutput: the 360Giving file, the report), which a page finding them stale
queues to be built (at once in tests: jobs/kept.py); and the sign-in
itself, which writes last_login and so a history row for the user: the counts are taken
again after each sign-in, before the first page.
"""

import pytest
from django.urls import reverse

from partnerbase.accelerator.models import CohortMembership, Milestone, SupportSession
from partnerbase.accounts.models import ApiToken, Invitation, Membership, Role
from partnerbase.api.reads import KINDS_BY_PATH
from partnerbase.api.reads_more import MORE_KINDS_BY_PATH
from partnerbase.api.reads_others import OTHER_KINDS_BY_PATH
from partnerbase.api.tests.test_matrix import THROUGH
from partnerbase.assessment.models import Assignment
from partnerbase.board.models import Action, BoardMeeting, BoardPaper, Champion, Decision
from partnerbase.brokering.models import BrokeringRound, Introduction, Need, Offer, Partnership
from partnerbase.calls.models import Application, EligibilityRule
from partnerbase.challenges.models import ChallengeArea, ChallengeVote
from partnerbase.champions.models import Prospect
from partnerbase.directory.models import Organisation, Person
from partnerbase.funding.models import ExchangeRate, FundingAward
from partnerbase.impact.models import Figure
from partnerbase.jobs.models import Job
from partnerbase.notifications.models import Notification
from partnerbase.outcomes.models import OutcomeIndicator, OutcomeObservation
from partnerbase.pledges.models import Pledge
from partnerbase.projects.models import (
    CollaborativeProject,
    Competition,
    CompetitionEntry,
    JudgeAssignment,
)
from partnerbase.rubrics.models import Criterion as RubricCriterion
from partnerbase.stories.models import Story
from partnerbase.workinggroups.models import Idea, WorkingGroup, WorkingGroupMember
from tests.factories import make_user

from .page_world import build_world
from .url_walk import counter, fill, one, patterns

pytestmark = pytest.mark.django_db
# Pages answered differently for a query string or an htmx request: walked both ways.
VARIANTS = {
    "reports:figure_detail": [("?format=csv", {})],
    "champions:prospect_list": [("?stage=long_list", {})],
    "assessment:ranking": [("?view=normalised", {})],
    "brokering:round_progress": [("", {"HTTP_HX_REQUEST": "true"})],
    "jobs:progress": [("", {"HTTP_HX_REQUEST": "true"})],
}


def record_params(w) -> tuple[dict, dict, dict]:
    """How to fill the pages' parameters beyond the programme's slug: by URL name (a dict, or
    a list of dicts for several pages), the record whose uid pages name (by the start of
    their URL names), and the call a call_slug names (likewise). A new page with parameters
    needs a line here; the test says which."""
    p = w.alpha
    toolshed = w.org("Toolshed — Ltd").uid
    introduction = one(Introduction, programme=p)
    competition = one(Competition, programme=p)
    group = one(WorkingGroup, programme=p, archived_on__isnull=True)  # the live one
    open_call = w.call.slug
    own_application = one(Application, call=w.call, organisation__uid=toolshed)
    assessed = one(Assignment, application__call__programme=p)
    selection_application = one(Application, call__slug="selection-call", call__programme=p)
    vote = one(ChallengeVote, programme=p, status="open")
    session = one(SupportSession, cohort__accelerator__programme=p)
    milestone = one(Milestone, membership__cohort__accelerator__programme=p, evidence_file__gt="")
    draft_round = one(BrokeringRound, programme=p, status="draft")
    person = one(Person, programme=p, organisation__isnull=False)
    rule = one(EligibilityRule, call=w.call)
    invitation = one(Invitation, programme=p)
    team = w.users[Role.TEAM]
    team_role = one(Membership, programme=p, user=team, role=Role.TEAM)
    by_name = {
        "directory:organisation_detail": {"uid": toolshed},
        "directory:engagement_add": {"uid": toolshed},
        "brokering:need_edit": {"uid": one(Need, programme=p).uid},
        "brokering:offer_edit": {"uid": one(Offer, programme=p).uid},
        "brokering:introduction_remove": {
            "uid": introduction.round.uid,
            "introduction_uid": introduction.uid,
        },
        "brokering:introduction_respond": {"uid": introduction.uid},
        "brokering:round_innovators": {"uid": draft_round.uid},  # limits: drafts only
        "brokering:partnership_detail": {"uid": one(Partnership, programme=p).uid},
        "brokering:partnership_history": {"uid": one(Partnership, programme=p).uid},
        "funding:repayment_add": {"uid": one(FundingAward, programme=p, term_months__gt=0).uid},
        "projects:score": {
            "uid": competition.uid,
            "assignment_uid": one(JudgeAssignment, judge__competition=competition).uid,
        },
        "projects:award_add": {
            "uid": competition.uid,
            "entry_uid": one(CompetitionEntry, competition=competition).uid,
        },
        "opendata:export": [{"fmt": "json"}, {"fmt": "csv"}],
        "reports:figure_detail": [{"figure": figure} for figure in Figure.values],
        "reports:report_chart_csv": [
            {"chart": "figure-new-projects"},
            {"chart": "funding-by-funder"},
        ],
        # The public page's charts: the published programme's, and the unpublished one's.
        "public_chart_csv": [
            {"slug": w.bravo.slug, "chart": "figure-new-projects"},
            {"chart": "figure-additional-funding"},
        ],
        "board:paper_download": {"uid": one(BoardPaper, meeting__programme=p).uid},
        "board:action_done": {"uid": one(Action, meeting__programme=p).uid},
        "pledges:organisation": {"org_uid": w.org("Barclays").uid},
        "workinggroups:member_leave": {
            "uid": group.uid,
            "member_uid": one(WorkingGroupMember, working_group=group).uid,
        },
        "workinggroups:lead_set": {
            "uid": group.uid,
            "member_uid": one(WorkingGroupMember, working_group=group).uid,
        },
        "workinggroups:idea_move": {
            "uid": group.uid,
            "idea_uid": one(Idea, working_group=group).uid,
        },
        "calls:question_edit": {"call_slug": open_call, "uid": w.call.q["idea"].uid},
        "calls:rule_remove": {"call_slug": open_call, "uid": one(EligibilityRule, call=w.call).uid},
        "calls:application_detail": {"call_slug": open_call, "uid": own_application.uid},
        "calls:answer_download": {
            "call_slug": open_call,
            "uid": own_application.uid,
            "question_uid": w.call.q["plan"].uid,
        },
        "calls_public:confirm": {"call_slug": open_call, "key": w.key},
        "accounts:password_reset_confirm": w.reset,
        "assessment:score": {"uid": assessed.uid},
        "assessment:criterion_remove": {
            "call_slug": assessed.application.call.slug,
            "uid": one(RubricCriterion, rubric__call=assessed.application.call).uid,
        },
        "assessment:assignment_remove": {
            "call_slug": assessed.application.call.slug,
            "uid": assessed.uid,
        },
        "assessment:moderation_note": {
            "call_slug": assessed.application.call.slug,
            "application_uid": assessed.application.uid,
        },
        "outcomes:innovator": {"uid": toolshed},
        "outcomes:indicator_add": {"uid": toolshed},
        "outcomes:observation_add": {"uid": one(OutcomeIndicator, programme=p).uid},
        "outcomes:observation_verify": {"uid": one(OutcomeObservation, indicator__programme=p).uid},
        "accelerator:decide": {
            "call_slug": "selection-call",
            "uid": selection_application.uid,
        },
        "accelerator:session": {"uid": session.uid},
        "accelerator:evidence": {"uid": milestone.uid},
        "accelerator:evidence_file": {"uid": milestone.uid},
        "challenges:area_detail": {"area_slug": one(ChallengeArea, programme=p).slug},
        "challenges:vote_results": {"uid": one(ChallengeVote, programme=p, status="adopted").uid},
        # Pages added with running a programme from nothing (issue 10).
        "accounts:invitation": {"token": w.invitation_token},
        "setup:convener_remove": {
            "uid": one(Organisation, programme=p, convenes_programme=True).uid
        },
        "directory:organisation_merge": {"uid": toolshed, "other_uid": w.org("Barclays").uid},
        "directory:person_change": {"uid": person.organisation.uid, "person_uid": person.uid},
        "directory:person_remove": {"uid": person.organisation.uid, "person_uid": person.uid},
        "brokering:introduction_record": {"uid": introduction.uid},
        "funding:rate_edit": {"uid": one(ExchangeRate, programme=p).uid},
        "board:decision_edit": {"uid": one(Decision, meeting__programme=p).uid},
        "board:action_edit": {"uid": one(Action, meeting__programme=p).uid},
        "calls:question_move": {"call_slug": open_call, "uid": w.call.q["idea"].uid},
        "calls:question_remove": {"call_slug": open_call, "uid": w.call.q["idea"].uid},
        "calls:rule_change": {"call_slug": open_call, "uid": rule.uid},
        "calls:rule_move": {"call_slug": open_call, "uid": rule.uid},
        "accelerator:accelerator_edit": {"uid": session.cohort.accelerator.uid},
        "accelerator:cohort_add": {"uid": session.cohort.accelerator.uid},
        "accelerator:place_add": {"uid": session.cohort.uid},
        "people:invitation_resend": {"uid": invitation.uid},
        "people:invitation_revoke": {"uid": invitation.uid},
        "people:person": {"user_id": team.pk},
        "people:sign_in_unlock": {"user_id": team.pk},
        "people:role_add": {"user_id": team.pk},
        "people:role_change": {"user_id": team.pk, "pk": team_role.pk},
        "people:role_remove": {"user_id": team.pk, "pk": team_role.pk},
        "challenges:vote_action": [
            {"uid": vote.uid, "action": action} for action in ("open", "close", "adopt")
        ],
        # Notifications (issue 10 item 7): POST-only actions on one notification.
        "notifications:read": {"uid": one(Notification, programme=p).uid},
        "programme_notifications:retry": {"uid": one(Notification, programme=p).uid},
        # The REST API (issue 12 item 7) and the account page's tokens.
        "accounts:api_token_revoke": {"uid": one(ApiToken, user=team).uid},
    }
    # Pages of one record each: URL names by the record their uid names.
    by_record = {
        "directory:organisation_": w.org("Toolshed — Ltd"),
        "directory:person_add": w.org("Toolshed — Ltd"),
        "brokering:round_": introduction.round,
        "brokering:introduction_add": introduction.round,
        "funding:award_detail": one(FundingAward, programme=p),
        "funding:award_history": one(FundingAward, programme=p),
        "funding:disbursement_add": one(FundingAward, programme=p),
        "projects:project_": one(CollaborativeProject, programme=p),
        "projects:coalition_add": one(CollaborativeProject, programme=p),
        "projects:status_change": one(CollaborativeProject, programme=p),
        "projects:indicator_add": one(CollaborativeProject, programme=p),
        "projects:observation_add": one(CollaborativeProject, programme=p),
        "projects:competition_detail": competition,
        "projects:stage_add": competition,
        "projects:criterion_add": competition,
        "projects:entry_add": competition,
        "projects:judge_add": competition,
        "board:champion_": one(Champion, programme=p),
        "board:meeting_": one(BoardMeeting, programme=p),
        "board:paper_add": one(BoardMeeting, programme=p),
        "board:decision_add": one(BoardMeeting, programme=p),
        "board:action_add": one(BoardMeeting, programme=p),
        "champions:": one(Prospect, programme=p, champion__isnull=True),
        "pledges:": one(Pledge, programme=p),
        "workinggroups:": group,
        "accelerator:cohort": session.cohort,
        "accelerator:session_add": session.cohort,
        "accelerator:milestone_add": session.cohort,
        "accelerator:innovator": one(CohortMembership, cohort__accelerator__programme=p),
        "accelerator:membership_status": one(CohortMembership, cohort__accelerator__programme=p),
        "challenges:": vote,
        # The public page (issue 11): the small programme's story, its competition.
        "stories:": one(Story, programme=p),
        # Background work (issue 13 item 3): the world's finished export.
        "jobs:": one(Job, programme=p),
        "projects:competition_publish": competition,
        # The REST API: each kind's records, and the records its writes act on.
        **{
            f"api:{kind}-": _api_record(p, kind)
            for kind in KINDS_BY_PATH
            if kind not in ("organisations",)
        },
        **{
            f"api:{kind}-": one(
                MORE_KINDS_BY_PATH[kind].model, **{THROUGH.get(kind, "programme"): p}
            )
            for kind in MORE_KINDS_BY_PATH
        },
        **{
            f"api:{kind}-": one(
                OTHER_KINDS_BY_PATH[kind].model, **{THROUGH.get(kind, "programme"): p}
            )
            for kind in OTHER_KINDS_BY_PATH
        },
        "api:organisations-": w.org("Toolshed — Ltd"),
        "api:engagement-record": w.org("Toolshed — Ltd"),
        "api:introduction-answer": introduction,
        "api:partnership-stage": one(Partnership, programme=p),
        "api:observation-record": one(OutcomeIndicator, programme=p),
    }
    call_slugs = {
        "calls:": open_call,
        "calls_public:": open_call,
        "assessment:": assessed.application.call.slug,
        "accelerator:": "selection-call",
    }
    return by_name, by_record, call_slugs


def _api_record(programme, kind):
    if kind == "cohorts":
        return one(CohortMembership, cohort__accelerator__programme=programme).cohort
    if kind == "outcome-observations":
        return one(OutcomeObservation, indicator__programme=programme)
    return one(KINDS_BY_PATH[kind].model, programme=programme)


def targets(world) -> tuple[list, list]:
    """(name, url, headers) to GET, and the names of patterns this file cannot fill."""
    tables = record_params(world)
    found, missing = [], []
    for name, names in patterns():
        filled = fill(name, names, world, tables)
        if filled is None:
            missing.append(name)
            continue
        for kwargs in filled:
            args = kwargs.pop("#args", ())
            url = reverse(name, args=args, kwargs=kwargs)
            found.append((name, url, {}))
            found += [(name, url + query, headers) for query, headers in VARIANTS.get(name, [])]
    return found, missing


SHARDS = 4


@pytest.mark.parametrize("shard", range(SHARDS))
def test_no_page_writes_on_get(client, settings, tmp_path, shard):
    settings.MEDIA_ROOT = tmp_path
    world = build_world(make_user(full_name="Tess Team"))
    pages, missing = targets(world)
    assert not missing, f"give these pages' parameters in record_params: {missing}"
    every = sorted({name for name, _, _ in pages})
    assert NEVER_200 <= set(every), f"no such pages: {sorted(NEVER_200 - set(every))}"
    names = every[shard::SHARDS]
    pages = [page for page in pages if page[0] in set(names)]
    counts = counter()
    writes, answered = [], {}
    for who, user in world.users.items():
        client.logout()
        if user is not None:
            client.force_login(user)
        before = counts()  # after signing in: see the module's docstring
        for name, url, headers in pages:
            response = client.get(url, **headers)
            answered.setdefault(name, set()).add(response.status_code)
            after = counts()
            if after != before:
                changed = {t: after[t] - before[t] for t in after if after[t] != before[t]}
                writes.append(f"{who}: GET {url} changed {changed}")
            before = after
    assert not writes, "\n".join(writes)
    # The walk reached the pages: each answered 200 to someone, but for those that never do.
    never = {name for name, codes in answered.items() if 200 not in codes}
    expected = NEVER_200 & set(names)
    assert never == expected, "\n".join(
        f"{name}: {sorted(answered.get(name, ()))}" for name in sorted(never ^ expected)
    )


# Pages that answer no GET with 200; each is still walked, for writes.
NEVER_200 = {
    # django-axes keeps sign-in attempts; its admin may read and delete them, never add.
    "admin:axes_accessattempt_add",
    "admin:axes_accessfailurelog_add",
    "admin:axes_accesslog_add",
    # The task queue's rows are the worker's: its admin reads them, never adds or deletes.
    "admin:django_tasks_database_dbtaskresult_add",
    "admin:django_tasks_database_dbtaskresult_delete",
    # Actions: POST only (405).
    "accelerator:notify",
    "accounts:logout",
    "admin:logout",
    "assessment:assignment_remove",
    "assessment:assignments_auto",
    "assessment:criterion_remove",
    "board:action_done",
    "brokering:introduction_remove",
    "brokering:round_review",
    "brokering:round_run",
    "brokering:round_send",
    "calls:rule_remove",
    "calls_public:withdraw",
    "champions:commit",
    "champions:contact_add",
    "champions:scores_edit",
    "champions:stage_move",
    "workinggroups:lead_set",
    "calls:question_move",
    "calls:rule_move",
    "people:invitation_resend",
    "people:invitation_revoke",
    "people:role_remove",
    "people:sign_in_unlock",
    "setup:convener_remove",
    # Personal data: a person is named in a POST, never in an address (nor in logs).
    "privacy:person",
    "privacy:export",
    "privacy:erase",
    "workinggroups:group_unarchive",
    "notifications:read",
    "notifications:read_all",
    "programme_notifications:retry",
    "jobs:retry",
    "opendata:export",
    "reports:report_pdf_build",
    "stories:story_add",
    "stories:story_move",
    "stories:story_publish",
    "stories:story_remove",
    "projects:project_publish",
    "projects:competition_publish",
    "accounts:api_token_revoke",
    "api:engagement-record",
    "api:introduction-answer",
    "api:partnership-stage",
    "api:observation-record",
    # An invitation is made with its email on the people page, never in the admin.
    "admin:accounts_invitation_add",
    # A GET redirects to the page with the form (the long list).
    "champions:weights_edit",
    # The admin's autocomplete needs its query; an application has no page on the site.
    "admin:autocomplete",
    "admin:view_on_site",
}
