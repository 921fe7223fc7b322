"""Who may open each page: one rule per URL name of the project (tests/test_page_access.py
asks every URL as every caller, in its own programme and in the other one, and compares).

The callers are page_world.py's: someone signed out, each role of the programme, the judge
(an assessor judging a competition), an applicant (an account for an organisation, no role),
someone with no role, the other programme's team and the installation's superuser.

A rule says who gets the page in the programme (200; for a POST-only action, the action done
or its form's errors) and what the others get: the programme's members who may not, 403 (a
page their role may not use) or 404 (a record they may not see: `refused`); someone signed in
without a role in it, 404 (`outsider`); someone signed out, the sign-in page unless the page
is public. Exceptions name the caller (`also`): a record that is another person's, a page
that sends someone elsewhere. In the other programme, its own team and the superuser get
what the team and the superuser get here (the applicant has an account there too); everyone
else 404, and a URL naming this programme's record answers 404 to everyone.

A new URL name needs its rule here: the test fails, naming it, until it has one.
"""

from dataclasses import dataclass, field, replace

from partnerbase.accounts.models import Role

SIGNED_OUT = "signed out"
TEAM = Role.TEAM
CHAMPION = Role.CHAMPION
WG = Role.WORKING_GROUP_MEMBER
MANAGER = Role.ACCELERATOR_MANAGER
ASSESSOR = Role.ASSESSOR
INNOVATOR = Role.INNOVATOR
PARTNER = Role.PARTNER_CONTACT
JUDGE = "judge"
APPLICANT = "applicant"
NO_ROLE = "no role"
OTHER_TEAM = "other programme's team"
SUPERUSER = "superuser"

# Signed in with a role in the programme (the judge is an assessor).
MEMBERS = (TEAM, CHAMPION, WG, MANAGER, ASSESSOR, INNOVATOR, PARTNER, JUDGE)
SIGNED_IN = (*MEMBERS, SUPERUSER, APPLICANT, NO_ROLE, OTHER_TEAM)
CALLERS = (SIGNED_OUT, *SIGNED_IN)

# Answers other than a status code.
OK = "ok"
SIGN_IN = "sign-in page"
ADMIN_SIGN_IN = "admin sign-in page"
ELSEWHERE = "sent elsewhere"


@dataclass(frozen=True)
class Rule:
    may: frozenset  # who gets the page
    refused: int = 403  # a member of the programme who may not
    outsider: int = 404  # signed in, without a role in the programme
    public: bool = False  # no sign-in needed
    published: bool = False  # public, and only where the programme publishes its figures
    admin: bool = False  # Django's admin: the superuser only
    also: dict = field(default_factory=dict)  # caller → answer, where it differs
    other: dict = field(default_factory=dict)  # likewise, through the other programme


def rule(*may, refused=403, outsider=404, public=False, also=None) -> Rule:
    return Rule(frozenset(may), refused, outsider, public, also=also or {})


def but(base: Rule, *, refused=None, also=None) -> Rule:
    """`base` with exceptions: `but(TEAM_ONLY, also={CHAMPION: 404})`."""
    return replace(base, refused=refused or base.refused, also={**base.also, **(also or {})})


def elsewhere(*callers) -> dict:
    return dict.fromkeys(callers, ELSEWHERE)


# --- the groups ----------------------------------------------------------------------------

PUBLIC = rule(*SIGNED_IN, public=True)
PUBLISHED = Rule(frozenset(CALLERS), public=True, published=True)
ANY_SIGNED_IN = rule(*SIGNED_IN)
ANY_MEMBER = rule(*MEMBERS, SUPERUSER)
TEAM_ONLY = rule(TEAM, SUPERUSER)
# Personal data: the team's; for anyone else the pages do not exist (docs/personal-data.md).
TEAM_HIDDEN = rule(TEAM, SUPERUSER, refused=404)
# The accelerator, calls, assessment, brokering rounds and the directory: the team and the
# delivery partner's managers.
MANAGERS = rule(TEAM, MANAGER, SUPERUSER)
# The dashboard, its figures, the report and the map: DASHBOARD_ROLES.
DASHBOARD = rule(TEAM, CHAMPION, MANAGER, SUPERUSER)
# The board's papers and open data: the team and champions.
BOARD = rule(TEAM, CHAMPION, SUPERUSER)
# A competition's stages, entries, judges and awards: the team, or a champion acting for its
# sponsor (the world's champion acts for Barclays, the sponsor).
COMPETITION_MANAGERS = rule(TEAM, CHAMPION, SUPERUSER)
# Pledges made and kept: the team, champions and partner contacts for their organisation.
PLEDGERS = rule(TEAM, CHAMPION, PARTNER, SUPERUSER)
# Reading pledges and offers: those, and the accelerator's managers who broker them.
PLEDGE_READERS = rule(TEAM, CHAMPION, MANAGER, PARTNER, SUPERUSER)
# An innovator's own record (their application, evidence, outcomes): theirs and the managers';
# anyone else is told it does not exist.
OWN_INNOVATOR_RECORD = rule(TEAM, MANAGER, INNOVATOR, SUPERUSER, refused=404)
# Needs: the brokers' and each innovator's own.
NEEDS = rule(TEAM, MANAGER, INNOVATOR, SUPERUSER)
# Money: the ledger's readers (partners and innovators see their own awards).
LEDGER = rule(TEAM, CHAMPION, MANAGER, INNOVATOR, PARTNER, SUPERUSER)
# A working group's management: the team; those who may see the group (a champion, its
# members) are refused, anyone else is told it does not exist.
GROUP_MANAGERS = rule(TEAM, SUPERUSER, refused=404, also={CHAMPION: 403, WG: 403})
# A working group's meetings and ideas: the team and its members.
GROUP_MEMBERS = rule(TEAM, WG, SUPERUSER, refused=404, also={CHAMPION: 403})
# The challenge vote: those who take part in choosing the challenges.
VOTERS = rule(TEAM, CHAMPION, WG, PARTNER, SUPERUSER)
ADMIN = Rule(frozenset({SUPERUSER}), admin=True)

# --- every URL name ------------------------------------------------------------------------

RULES = {
    # Signing in and one's own account.
    "accounts:login": but(PUBLIC, also=elsewhere(*SIGNED_IN)),  # signed in: the home page
    "accounts:logout": rule(*SIGNED_IN, also=dict.fromkeys(SIGNED_IN, SIGN_IN)),
    "accounts:password_reset": PUBLIC,
    "accounts:password_reset_done": PUBLIC,
    # The link's token moves into the session, and the page is opened again without it.
    "accounts:password_reset_confirm": but(PUBLIC, also=elsewhere(SIGNED_OUT)),
    "accounts:password_reset_complete": PUBLIC,
    "accounts:invitation": PUBLIC,
    "accounts:account": ANY_SIGNED_IN,
    "accounts:password_change": ANY_SIGNED_IN,
    "accounts:password_change_done": ANY_SIGNED_IN,
    "accounts:api_tokens": ANY_SIGNED_IN,
    "accounts:api_token_revoke": rule(TEAM, refused=404),  # the world's token is the team's
    "notifications:list": ANY_SIGNED_IN,
    "notifications:settings": ANY_SIGNED_IN,
    "notifications:read_all": ANY_SIGNED_IN,
    "notifications:read": rule(JUDGE, refused=404),  # the world's notification is the judge's
    "home": ANY_SIGNED_IN,
    "healthz": PUBLIC,
    "programme_new": rule(SUPERUSER, outsider=403),
    # The public page and open data of a programme that publishes its figures.
    "public_figures": PUBLISHED,
    "public_figures_csv": PUBLISHED,
    "public_figures_json": PUBLISHED,
    "public_chart_csv": PUBLISHED,
    "public_report_pdf": PUBLISHED,
    "public_accessibility": PUBLISHED,
    "public_privacy": PUBLISHED,
    "public_360giving": PUBLISHED,
    # A call's public pages; applying is for an applicant's account or the innovator's.
    "calls_public:call": PUBLIC,
    "calls_public:register": but(PUBLIC, also=elsewhere(*SIGNED_IN)),  # signed in: apply
    "calls_public:register_sent": PUBLIC,
    "calls_public:confirm": PUBLIC,
    "calls_public:apply": rule(INNOVATOR, APPLICANT, outsider=403),
    "calls_public:withdraw": rule(INNOVATOR, APPLICANT, outsider=403),
    # Reports.
    "reports:dashboard": DASHBOARD,
    "reports:figure_detail": DASHBOARD,
    "reports:report": DASHBOARD,
    "reports:report_pdf": DASHBOARD,
    "reports:report_pdf_build": DASHBOARD,
    "reports:report_chart_csv": DASHBOARD,
    "reports:targets_edit": TEAM_ONLY,
    "network:map": DASHBOARD,
    "network:map_json": DASHBOARD,
    "network:map_svg": DASHBOARD,
    "outcomes:cohort": DASHBOARD,
    "outcomes:innovator": rule(TEAM, CHAMPION, MANAGER, INNOVATOR, SUPERUSER, refused=404),
    "outcomes:indicator_add": OWN_INNOVATOR_RECORD,
    # A champion reads the innovator's outcomes, so is refused rather than told "no such".
    "outcomes:observation_add": but(OWN_INNOVATOR_RECORD, also={CHAMPION: 403}),
    "outcomes:observation_verify": MANAGERS,
    # Every innovator's observations for the outcomes' readers; an innovator its own.
    "outcomes:observation_list": rule(TEAM, CHAMPION, MANAGER, INNOVATOR, SUPERUSER),
    "stories:story_list": DASHBOARD,
    "stories:story_add": TEAM_ONLY,
    "stories:story_edit": TEAM_ONLY,
    "stories:story_move": TEAM_ONLY,
    "stories:story_publish": TEAM_ONLY,
    "stories:story_remove": TEAM_ONLY,
    "opendata:open_data": BOARD,
    "opendata:export": BOARD,
    "opendata:import": TEAM_ONLY,
    # Setting up and running the programme.
    "setup:settings": TEAM_ONLY,
    "setup:conveners": TEAM_ONLY,
    "setup:convener_remove": TEAM_ONLY,
    "setup:public_page": TEAM_ONLY,
    "changes:log": TEAM_ONLY,
    "people:list": TEAM_ONLY,
    # Background work: every member sees the list of what they started; a job (the page
    # world's were started by the team) is the team's, and 404 to anyone else.
    "jobs:list": ANY_MEMBER,
    "jobs:detail": TEAM_HIDDEN,
    "jobs:progress": TEAM_HIDDEN,
    "jobs:retry": TEAM_HIDDEN,
    "jobs:download": TEAM_HIDDEN,
    "interchange:export": TEAM_ONLY,
    "interchange:import": rule(SUPERUSER),  # it makes a programme: the administrator's
    "people:invite": TEAM_ONLY,
    "people:invitation_resend": TEAM_ONLY,
    "people:invitation_revoke": TEAM_ONLY,
    "people:person": TEAM_ONLY,
    "people:role_add": TEAM_ONLY,
    "people:role_change": TEAM_ONLY,
    "people:role_remove": TEAM_ONLY,
    "people:sign_in_unlock": TEAM_ONLY,
    "privacy:index": TEAM_HIDDEN,
    "privacy:person": TEAM_HIDDEN,
    "privacy:export": TEAM_HIDDEN,
    "privacy:erase": TEAM_HIDDEN,
    "privacy:retention": TEAM_HIDDEN,
    "programme_notifications:unsent": TEAM_ONLY,
    "programme_notifications:retry": TEAM_ONLY,
    # The directory.
    "directory:organisation_list": MANAGERS,
    "directory:engagement_list": MANAGERS,
    "directory:person_list": MANAGERS,
    "directory:organisation_detail": MANAGERS,
    "directory:organisation_history": MANAGERS,
    "directory:organisation_add": TEAM_ONLY,
    "directory:organisation_change": TEAM_ONLY,
    "directory:organisation_delete": TEAM_ONLY,
    "directory:organisation_merge_choose": TEAM_ONLY,
    "directory:organisation_merge": TEAM_ONLY,
    "directory:engagement_add": TEAM_ONLY,
    "directory:person_add": TEAM_ONLY,
    "directory:person_change": TEAM_ONLY,
    "directory:person_remove": TEAM_ONLY,
    # Champions and the board.
    "champions:prospect_list": TEAM_ONLY,
    "champions:prospect_add": TEAM_ONLY,
    "champions:prospect_detail": TEAM_ONLY,
    "champions:prospect_remove": TEAM_ONLY,
    "champions:criterion_add": TEAM_ONLY,
    "champions:scores_edit": TEAM_ONLY,
    # A GET goes to the long list, where the weights' form is.
    "champions:weights_edit": but(TEAM_ONLY, also=elsewhere(TEAM, SUPERUSER)),
    "champions:stage_move": TEAM_ONLY,
    "champions:contact_add": TEAM_ONLY,
    "champions:commit": TEAM_ONLY,
    "board:home": BOARD,
    "board:meeting_detail": BOARD,
    "board:paper_download": BOARD,
    "board:action_done": BOARD,  # the action's owner is the world's champion
    "board:meeting_add": TEAM_ONLY,
    "board:meeting_edit": TEAM_ONLY,
    "board:paper_add": TEAM_ONLY,
    "board:decision_add": TEAM_ONLY,
    "board:decision_edit": TEAM_ONLY,
    "board:action_add": TEAM_ONLY,
    "board:action_edit": TEAM_ONLY,
    "board:champion_appoint": TEAM_ONLY,
    "board:champion_role": TEAM_ONLY,
    "board:champion_end_term": TEAM_ONLY,
    # Pledges.
    "pledges:ledger": but(PLEDGE_READERS, also=elsewhere(PARTNER)),  # a partner: their own
    "pledges:organisation": PLEDGE_READERS,
    "pledges:detail": PLEDGE_READERS,
    "pledges:history": PLEDGE_READERS,
    "pledges:add": PLEDGERS,
    "pledges:edit": PLEDGERS,
    "pledges:confirm": PLEDGERS,
    "pledges:lapse": PLEDGERS,
    "pledges:delivery_add": PLEDGERS,
    "pledges:offer": PLEDGERS,
    # Challenges and working groups.
    "challenges:area_list": ANY_MEMBER,
    "challenges:area_detail": ANY_MEMBER,
    "challenges:proposal_list": VOTERS,
    "challenges:proposal_add": PLEDGERS,  # partners propose; working-group members discuss
    "challenges:vote_list": VOTERS,
    "challenges:vote_detail": VOTERS,
    "challenges:vote_results": VOTERS,
    "challenges:ballot": rule(CHAMPION, PARTNER),  # a partner organisation's ballot
    "challenges:ballot_record": TEAM_ONLY,  # a ballot given on paper or by email
    "challenges:vote_add": TEAM_ONLY,
    "challenges:vote_action": TEAM_ONLY,
    "workinggroups:group_list": rule(TEAM, CHAMPION, WG, SUPERUSER),
    "workinggroups:idea_list": rule(TEAM, CHAMPION, WG, SUPERUSER),  # a member: their groups'
    "workinggroups:group_detail": rule(TEAM, CHAMPION, WG, SUPERUSER, refused=404),
    "workinggroups:group_create": TEAM_ONLY,
    "workinggroups:group_edit": GROUP_MANAGERS,
    "workinggroups:group_archive": GROUP_MANAGERS,
    "workinggroups:group_unarchive": GROUP_MANAGERS,
    "workinggroups:group_remove": GROUP_MANAGERS,
    "workinggroups:group_history": GROUP_MANAGERS,  # the group's page shows them its history
    "workinggroups:member_add": GROUP_MANAGERS,
    "workinggroups:member_leave": GROUP_MANAGERS,
    "workinggroups:lead_set": GROUP_MANAGERS,
    "workinggroups:idea_move": GROUP_MANAGERS,
    "workinggroups:meeting_add": GROUP_MEMBERS,
    "workinggroups:idea_add": GROUP_MEMBERS,
    # Calls.
    "calls:call_list": MANAGERS,
    "calls:call_add": MANAGERS,
    "calls:call_detail": MANAGERS,
    "calls:call_change": MANAGERS,
    "calls:call_close": MANAGERS,
    "calls:call_delete": MANAGERS,
    "calls:question_add": MANAGERS,
    "calls:question_edit": MANAGERS,
    "calls:question_move": MANAGERS,
    "calls:question_remove": MANAGERS,
    "calls:rule_add": MANAGERS,
    "calls:rule_change": MANAGERS,
    "calls:rule_move": MANAGERS,
    "calls:rule_remove": MANAGERS,
    "calls:application_list": MANAGERS,
    "calls:application_detail": OWN_INNOVATOR_RECORD,
    "calls:answer_download": OWN_INNOVATOR_RECORD,
    "calls:my_applications": rule(INNOVATOR, APPLICANT),
    # Assessment.
    "assessment:index": rule(TEAM, MANAGER, ASSESSOR, JUDGE, SUPERUSER),
    "assessment:mine": rule(ASSESSOR, JUDGE),
    # The world's assignment is Asha's (the assessor); another assessor is told "no such".
    "assessment:score": rule(TEAM, MANAGER, ASSESSOR, SUPERUSER, also={JUDGE: 404}),
    "assessment:rubric": MANAGERS,
    "assessment:criterion_remove": MANAGERS,
    "assessment:assignments": MANAGERS,
    "assessment:assignments_auto": MANAGERS,
    "assessment:assignment_remove": MANAGERS,
    "assessment:ranking": MANAGERS,
    "assessment:moderation_note": MANAGERS,
    # The accelerator.
    "accelerator:home": but(MANAGERS, also=elsewhere(INNOVATOR)),  # an innovator: their own
    "accelerator:mine": rule(INNOVATOR),
    "accelerator:accelerator_add": MANAGERS,
    "accelerator:accelerator_edit": MANAGERS,
    "accelerator:selection": MANAGERS,
    "accelerator:decide": TEAM_ONLY,  # the world's decision is notified: the team's to change
    "accelerator:notify": MANAGERS,
    "accelerator:select_cohort": MANAGERS,
    "accelerator:cohort": MANAGERS,
    "accelerator:cohort_add": MANAGERS,
    "accelerator:cohort_edit": MANAGERS,
    "accelerator:place_add": MANAGERS,
    "accelerator:membership_status": MANAGERS,
    "accelerator:session": MANAGERS,
    "accelerator:session_add": MANAGERS,
    "accelerator:milestone_add": MANAGERS,
    "accelerator:innovator": OWN_INNOVATOR_RECORD,
    "accelerator:evidence": OWN_INNOVATOR_RECORD,
    "accelerator:evidence_file": OWN_INNOVATOR_RECORD,
    # Brokering.
    "brokering:home": LEDGER,
    "brokering:need_list": NEEDS,
    "brokering:need_add": NEEDS,
    "brokering:need_edit": NEEDS,
    "brokering:offer_list": PLEDGE_READERS,
    "brokering:offer_add": PLEDGE_READERS,
    # The world's offer is another partner's: its champion and partner contact are told "no such".
    "brokering:offer_edit": but(MANAGERS, also={CHAMPION: 404, PARTNER: 404}),
    "brokering:round_add": MANAGERS,
    "brokering:round_detail": MANAGERS,
    "brokering:round_progress": MANAGERS,
    "brokering:round_innovators": MANAGERS,
    "brokering:round_run": MANAGERS,
    "brokering:round_review": MANAGERS,
    "brokering:round_send": MANAGERS,
    "brokering:introduction_add": MANAGERS,
    "brokering:introduction_remove": MANAGERS,
    "brokering:introduction_record": MANAGERS,
    "brokering:my_introductions": rule(INNOVATOR, PARTNER),
    # The world's introduction is addressed to Toolshed's innovator, not to the partner. The
    # page refuses a team and the superuser before it looks for the record: 403 anywhere.
    "brokering:introduction_respond": replace(
        rule(INNOVATOR, also={PARTNER: 404}), other={OTHER_TEAM: 403, SUPERUSER: 403}
    ),
    "brokering:partnership_list": DASHBOARD,
    "brokering:partnership_detail": but(LEDGER, refused=404),
    "brokering:partnership_history": but(LEDGER, refused=404),
    # Funding.
    "funding:ledger": LEDGER,
    "funding:disbursement_list": LEDGER,  # partners and innovators: their own awards'
    "funding:rates": LEDGER,
    # The world's award is not to the partner's organisation.
    "funding:award_detail": but(LEDGER, also={PARTNER: 404}),
    "funding:award_history": but(LEDGER, also={PARTNER: 404}),
    "funding:award_add": MANAGERS,
    "funding:disbursement_add": but(MANAGERS, also={PARTNER: 404}),
    "funding:repayment_add": MANAGERS,
    "funding:rate_add": TEAM_ONLY,
    "funding:rate_edit": TEAM_ONLY,
    "funding:rates_upload": TEAM_ONLY,
    # Projects and competitions.
    "projects:project_list": rule(TEAM, CHAMPION, WG, MANAGER, SUPERUSER),
    "projects:project_detail": rule(TEAM, CHAMPION, WG, MANAGER, SUPERUSER),
    "projects:project_history": rule(TEAM, CHAMPION, WG, MANAGER, SUPERUSER),
    "projects:project_add": TEAM_ONLY,
    "projects:status_change": TEAM_ONLY,
    "projects:coalition_add": TEAM_ONLY,
    "projects:indicator_add": TEAM_ONLY,
    "projects:observation_add": TEAM_ONLY,
    "projects:project_publish": TEAM_ONLY,
    "projects:competition_list": rule(TEAM, CHAMPION, MANAGER, INNOVATOR, JUDGE, SUPERUSER),
    "projects:competition_detail": rule(TEAM, CHAMPION, MANAGER, INNOVATOR, JUDGE, SUPERUSER),
    "projects:competition_add": TEAM_ONLY,
    "projects:competition_publish": TEAM_ONLY,
    "projects:stage_add": COMPETITION_MANAGERS,
    "projects:criterion_add": COMPETITION_MANAGERS,
    "projects:entry_add": COMPETITION_MANAGERS,
    "projects:judge_add": COMPETITION_MANAGERS,
    "projects:award_add": COMPETITION_MANAGERS,
    # The judge's own scoring; those who read the competition are told another's is "no such".
    "projects:score": rule(JUDGE, refused=404, also={WG: 403, ASSESSOR: 403, PARTNER: 403}),
}

# Whole namespaces with one rule each: Django's admin (the superuser's; everyone else is
# sent to its sign-in), and the REST API, whose matrix is partnerbase/api/tests/test_matrix.py.
NAMESPACES = {"admin": ADMIN, "api": None}
# The admin's pages that answer the superuser otherwise (tests/test_no_get_writes.py's
# NEVER_200 says why).
ADMIN_EXCEPTIONS = {
    # The admin's own sign-in page: shown to whoever is not staff, the superuser sent on.
    "admin:login": but(ADMIN, also={**dict.fromkeys(CALLERS, OK), SUPERUSER: ELSEWHERE}),
    # Signing out (a POST) sends the superuser to the sign-in page; a GET sends others on.
    "admin:logout": but(
        ADMIN, also={**elsewhere(*SIGNED_IN), SUPERUSER: SIGN_IN, SIGNED_OUT: ADMIN_SIGN_IN}
    ),
    "admin:autocomplete": but(ADMIN, also={SUPERUSER: 403}),
    "admin:view_on_site": but(ADMIN, also={SUPERUSER: 404}),
    "admin:accounts_invitation_add": but(ADMIN, also={SUPERUSER: 403}),
    "admin:axes_accessattempt_add": but(ADMIN, also={SUPERUSER: 403}),
    "admin:axes_accessfailurelog_add": but(ADMIN, also={SUPERUSER: 403}),
    "admin:axes_accesslog_add": but(ADMIN, also={SUPERUSER: 403}),
    # The task queue's results are the worker's to write: no adding or deleting by hand.
    "admin:django_tasks_database_dbtaskresult_add": but(ADMIN, also={SUPERUSER: 403}),
    "admin:django_tasks_database_dbtaskresult_delete": but(ADMIN, also={SUPERUSER: 403}),
}


# The admin site's own pages (not a model's) need no site sign-in: someone signed out is
# sent to the admin's sign-in page instead.
for _name in (
    "index",
    "password_change",
    "password_change_done",
    "autocomplete",
    "jsi18n",
    "view_on_site",
    "app_list",
):
    _rule = ADMIN_EXCEPTIONS.get(f"admin:{_name}", ADMIN)
    ADMIN_EXCEPTIONS[f"admin:{_name}"] = but(_rule, also={SIGNED_OUT: ADMIN_SIGN_IN})


def rule_of(name: str) -> Rule | None:
    """The URL name's rule; None if the page matrix leaves it to another (the API's)."""
    if name in ADMIN_EXCEPTIONS:
        return ADMIN_EXCEPTIONS[name]
    namespace = name.split(":", 1)[0] if ":" in name else ""
    if namespace in NAMESPACES:
        return NAMESPACES[namespace]
    return RULES.get(name, MISSING)


MISSING = Rule(frozenset())  # no rule: the test names the URL


def expected(rule: Rule, caller: str, *, other_programme: bool, names_record: bool):
    """What `caller` gets from a page under `rule`: in the programme the world's records are
    in, or through the other programme's address."""
    if rule.admin:
        if caller in rule.also:
            return rule.also[caller]
        if caller == SIGNED_OUT:
            return SIGN_IN  # the site's sign-in comes first (LoginRequiredMiddleware)
        return OK if caller == SUPERUSER else ADMIN_SIGN_IN
    if rule.published:
        # The world's first programme keeps its figures unpublished; the other publishes.
        return 404 if not other_programme or names_record else OK
    if other_programme:
        if caller in rule.other:
            return rule.other[caller]
        if caller == SIGNED_OUT and not rule.public:
            return SIGN_IN
        if names_record:
            return 404  # this programme's record, asked through the other programme
        same = {OTHER_TEAM: TEAM, SUPERUSER: SUPERUSER, APPLICANT: APPLICANT}.get(caller)
        if caller == SIGNED_OUT:
            same = SIGNED_OUT
        if same is None:
            return 404
        return expected(rule, same, other_programme=False, names_record=False)
    if caller in rule.also:
        return rule.also[caller]
    if caller == SIGNED_OUT:
        return OK if rule.public else SIGN_IN
    if caller in rule.may:
        return OK
    if caller in MEMBERS or caller == SUPERUSER:
        return rule.refused
    return rule.outsider
