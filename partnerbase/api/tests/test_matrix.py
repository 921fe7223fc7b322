"""The permission matrix: every endpoint of the API (walked from the URL configuration and
checked against the OpenAPI schema) × every role (and someone signed out, a superuser, a
judge, an applicant, someone with no role, the other programme's team) × the caller's own
programme and the other one.

Each endpoint answers as its page does, for the same person: RULES names the page (or a
stated rule). A list answers exactly the page's code (200 where the page shows or redirects
to what the caller may see, 403, 404); a write with an empty body answers 400 (the form's
messages) where a POST of the page's empty form is answered with the form, and is refused
where the page refuses it (404 where the page says 404; 403 or 404 where it says 403: the
API does not tell that a record it hides exists). One record answers 200 exactly when it is
among the caller's list, else as the list. An endpoint without a rule fails the test."""

import pytest
from django.test import Client
from django.urls import URLResolver, get_resolver, reverse
from drf_spectacular.generators import SchemaGenerator

from partnerbase.accelerator.models import Cohort
from partnerbase.api.reads import KINDS_BY_PATH
from partnerbase.api.reads_more import MORE_KINDS_BY_PATH
from partnerbase.api.reads_others import OTHER_KINDS_BY_PATH
from partnerbase.outcomes.models import OutcomeObservation

from .conftest import Caller

pytestmark = pytest.mark.django_db

PUBLIC, SIGNED_IN, DETAIL = "public", "signed in", "detail"
# Any role in the programme: the challenge areas page (can_view_challenge_areas).
MEMBER = ("challenges:area_list", None)

# URL name → {method: rule}; a rule is PUBLIC, SIGNED_IN, DETAIL or (page, record kind).
RULES = {
    "api:schema": {"get": PUBLIC},
    "api:docs": {"get": PUBLIC},
    "api:explore": {"get": PUBLIC},
    "api:programme_list": {"get": SIGNED_IN},
    "api:programme_detail": {"get": MEMBER},
    "api:figures": {"get": ("reports:dashboard", None)},
    "api:organisations-list": {
        "get": ("directory:organisation_list", None),
        "post": ("directory:organisation_add", None),
    },
    "api:engagements-list": {"get": ("directory:organisation_list", None)},
    "api:engagement-record": {"post": ("directory:engagement_add", "organisations")},
    "api:needs-list": {"get": ("brokering:need_list", None), "post": ("brokering:need_add", None)},
    "api:needs-detail": {"get": DETAIL, "put": ("brokering:need_edit", "needs")},
    "api:offers-list": {
        "get": ("brokering:offer_list", None),
        "post": ("brokering:offer_add", None),
    },
    "api:offers-detail": {"get": DETAIL, "put": ("brokering:offer_edit", "offers")},
    # Brokers read introductions on the rounds' pages, the sides on their own page.
    "api:introductions-list": {
        "get": (("brokering:my_introductions", "brokering:round_add"), None),
    },
    "api:introduction-answer": {"post": ("brokering:introduction_respond", "introductions")},
    # The list page is the brokers' and dashboard readers'; everyone else opens their own
    # partnerships one by one, so the API lists those (checked record by record by DETAIL).
    "api:partnerships-list": {"get": MEMBER},
    "api:partnership-stage": {"post": ("brokering:partnership_detail", "partnerships")},
    "api:funding-awards-list": {
        "get": ("funding:ledger", None),
        "post": ("funding:award_add", None),
    },
    # Outcomes are read per innovator (outcomes:innovator); the lists hold those one may read.
    "api:outcome-indicators-list": {"get": MEMBER},
    "api:outcome-observations-list": {"get": MEMBER},
    "api:observation-record": {"post": ("outcomes:observation_add", "outcome-indicators")},
    "api:pledges-list": {"get": ("pledges:ledger", None)},
    "api:projects-list": {"get": ("projects:project_list", None)},
    "api:competitions-list": {"get": ("projects:competition_list", None)},
    "api:challenge-areas-list": {"get": ("challenges:area_list", None)},
    # The cohorts are on the accelerator's pages, which its managers open.
    "api:cohorts-list": {"get": ("accelerator:accelerator_add", None)},
    # The board page's readers read its seats, meetings, papers, decisions and actions.
    "api:board-seats-list": {"get": ("board:home", None)},
    "api:board-meetings-list": {"get": ("board:home", None)},
    "api:board-papers-list": {"get": ("board:home", None)},
    "api:board-decisions-list": {"get": ("board:home", None)},
    "api:board-actions-list": {"get": ("board:home", None)},
    # The groups' list shows readers every group and members their own: each group's page
    # lists its members, meetings and ideas.
    "api:working-groups-list": {"get": ("workinggroups:group_list", None)},
    "api:working-group-members-list": {"get": ("workinggroups:group_list", None)},
    "api:working-group-meetings-list": {"get": ("workinggroups:group_list", None)},
    "api:ideas-list": {"get": ("workinggroups:idea_list", None)},
    "api:calls-list": {"get": ("calls:call_list", None)},
    "api:call-questions-list": {"get": ("calls:call_list", None)},
    # Those who run calls read every call's applications; applicants and innovators their own.
    "api:applications-list": {"get": (("calls:call_list", "calls:my_applications"), None)},
    "api:assessments-list": {"get": ("assessment:index", None)},
    "api:scores-list": {"get": ("assessment:index", None)},
    "api:stories-list": {"get": ("stories:story_list", None)},
    # Each award's page, opened from the ledger, lists its disbursements and repayments.
    "api:disbursements-list": {"get": ("funding:disbursement_list", None)},
    # Every organisation's changes: the directory's readers (each history page's).
    "api:organisation-history-list": {"get": ("directory:organisation_list", None)},
    "api:organisation-history-detail": {"get": DETAIL},
    "api:loan-repayments-list": {"get": ("funding:ledger", None)},
    "api:exchange-rates-list": {"get": ("funding:rates", None)},
    "api:accelerators-list": {"get": ("accelerator:accelerator_add", None)},
    # Managers open the cohorts' pages; an innovator is sent on to their own page.
    "api:cohort-places-list": {"get": ("accelerator:home", None)},
    "api:support-sessions-list": {"get": ("accelerator:home", None)},
    "api:milestones-list": {"get": ("accelerator:home", None)},
    "api:people-list": {"get": ("people:list", None)},
    "api:champion-prospects-list": {"get": ("champions:prospect_list", None)},
    "api:champion-criteria-list": {"get": ("champions:prospect_list", None)},
    "api:challenge-proposals-list": {"get": ("challenges:proposal_list", None)},
    "api:challenge-votes-list": {"get": ("challenges:vote_list", None)},
    # Managers read every rubric, an assessor those of the calls on their own list.
    "api:assessment-criteria-list": {"get": ("assessment:index", None)},
    "api:rubrics-list": {"get": ("assessment:index", None)},
    # The ranking pages' notes are the managers', as the accelerator's pages are.
    "api:moderation-notes-list": {"get": ("accelerator:accelerator_add", None)},
    "api:selection-decisions-list": {"get": ("accelerator:accelerator_add", None)},
    "api:attendances-list": {"get": ("accelerator:home", None)},
    "api:eligibility-rules-list": {"get": ("calls:call_list", None)},
    "api:brokering-rounds-list": {"get": ("brokering:round_add", None)},
    # Each pledge's page, opened from the ledger, lists its deliveries.
    "api:pledge-deliveries-list": {"get": ("pledges:ledger", None)},
    # A project's page (from the projects' list) shows its coalition, money and outcomes;
    # a competition's page (from the competitions' list) its stages, rubric, entries,
    # judges, awards and the judge's own assignments.
    "api:coalition-members-list": {"get": ("projects:project_list", None)},
    "api:project-funding-list": {"get": ("projects:project_list", None)},
    "api:project-indicators-list": {"get": ("projects:project_list", None)},
    "api:competition-stages-list": {"get": ("projects:competition_list", None)},
    "api:competition-criteria-list": {"get": ("projects:competition_list", None)},
    "api:competition-entries-list": {"get": ("projects:competition_list", None)},
    "api:competition-judges-list": {"get": ("projects:competition_list", None)},
    "api:competition-awards-list": {"get": ("projects:competition_list", None)},
    "api:judge-assignments-list": {"get": ("projects:competition_list", None)},
    "api:ballots-list": {"get": ("challenges:vote_list", None)},
    "api:directory-people-list": {"get": ("directory:person_list", None)},
    "api:invitations-list": {"get": ("people:list", None)},
    "api:personal-data-actions-list": {"get": ("privacy:index", None)},
    # Anyone with a role reads their own notifications about the programme.
    "api:notifications-list": {"get": MEMBER},
    "api:jobs-list": {"get": ("jobs:list", None)},
    "api:targets-list": {"get": ("reports:targets_edit", None)},
}
ALL_KINDS = {**KINDS_BY_PATH, **MORE_KINDS_BY_PATH, **OTHER_KINDS_BY_PATH}
for path in ALL_KINDS:
    RULES.setdefault(f"api:{path}-detail", {"get": DETAIL})

METHODS = ("get", "post", "put", "patch", "delete")


def endpoints():
    """(URL name, its parameters, its methods) for every pattern under /api/v1/."""
    api = next(
        e for e in get_resolver().url_patterns if isinstance(e, URLResolver) and e.app_name == "api"
    )
    for entry in api.url_patterns:
        view = entry.callback.cls
        methods = [m for m in METHODS if hasattr(view, m)]
        yield f"api:{entry.name}", sorted(entry.pattern.converters), methods


def test_every_endpoint_has_a_rule_and_is_in_the_schema():
    found = {(name, m) for name, _, methods in endpoints() for m in methods}
    ruled = {(name, m) for name, rules in RULES.items() for m in rules}
    assert found - ruled == set(), "give these endpoints a rule in RULES"
    assert ruled - found == set(), "RULES names endpoints that are gone"
    schema = SchemaGenerator().get_schema(request=None, public=True)
    operations = {(path, method) for path, item in schema["paths"].items() for method in item}
    documented = {
        (reverse(name, kwargs=_placeholders(params)), m)
        for name, params, methods in endpoints()
        for m in methods
        if name not in ("api:schema", "api:docs", "api:explore")
    }
    as_schema = {(p.replace("SLUG", "{slug}").replace(UID, "{uid}"), m) for p, m in documented}
    assert as_schema == operations


UID = "00000000-0000-0000-0000-000000000000"


def _placeholders(params) -> dict:
    return {p: ("SLUG" if p == "slug" else UID) for p in params}


# How the records of a kind without a programme of its own reach one.
THROUGH = {
    "board-papers": "meeting__programme",
    "board-decisions": "meeting__programme",
    "board-actions": "meeting__programme",
    "working-group-members": "working_group__programme",
    "working-group-meetings": "working_group__programme",
    "ideas": "working_group__programme",
    "call-questions": "call__programme",
    "applications": "call__programme",
    "assessments": "application__call__programme",
    "assessment-criteria": "rubric__call__programme",
    "scores": "assignment__application__call__programme",
    "disbursements": "award__programme",
    "loan-repayments": "award__programme",
    "cohort-places": "cohort__accelerator__programme",
    "support-sessions": "cohort__accelerator__programme",
    "milestones": "membership__cohort__accelerator__programme",
    "pledge-deliveries": "pledge__programme",
    "coalition-members": "project__programme",
    "project-funding": "project__programme",
    "project-indicators": "project__programme",
    "competition-stages": "competition__programme",
    "competition-criteria": "competition__programme",
    "competition-entries": "competition__programme",
    "competition-judges": "competition__programme",
    "competition-awards": "entry__competition__programme",
    "judge-assignments": "entry__competition__programme",
    "selection-decisions": "application__call__programme",
    "attendances": "session__cohort__accelerator__programme",
    "eligibility-rules": "call__programme",
    "rubrics": "call__programme",
    "moderation-notes": "application__call__programme",
    "ballots": "vote__programme",
}


def _record(world, kind: str, programme=None):
    programme = programme or world.alpha
    if kind == "cohorts":
        return Cohort.objects.filter(accelerator__programme=programme).order_by("pk").first()
    if kind == "outcome-observations":
        return OutcomeObservation.objects.filter(indicator__programme=programme).first()
    model = ALL_KINDS[kind].model
    through = THROUGH.get(kind, "programme")
    return model.objects.filter(**{through: programme}).order_by("pk").first()


def _kind_of(name: str) -> str:
    return name.removeprefix("api:").removesuffix("-detail").removesuffix("-list")


def _page_code(client, pages, record, slug, method) -> int:
    """The page's answer (a tuple of pages: the most open one's), 200 for a redirect."""
    codes = []
    for page in pages if isinstance(pages, tuple) else (pages,):
        kwargs = {"slug": slug}
        if record is not None:
            kwargs["uid"] = record.uid
        url = reverse(page, kwargs=kwargs)
        answer = client.post(url, {}) if method != "get" else client.get(url)
        codes.append(200 if answer.status_code in (200, 302) else answer.status_code)
    return min(codes, key=lambda code: {200: 0, 403: 1, 404: 2}.get(code, 3))


def test_every_endpoint_answers_every_caller_as_its_page(world):
    callers = {who: Caller(user) for who, user in world.users.items()}
    pages = {who: Client() for who in world.users}
    for who, user in world.users.items():
        if user is not None:
            pages[who].force_login(user)
    wrong, tried, refused_writes = [], 0, 0
    lists: dict = {}
    for name, params, methods in endpoints():
        for slug in ("slug" in params and (world.alpha.slug, world.bravo.slug)) or (None,):
            for method in methods:
                rule = RULES[name][method]
                record = None
                page_kind = rule[1] if isinstance(rule, tuple) else None
                page_record = _record(world, page_kind) if page_kind else None
                if "uid" in params:
                    record = page_record or _record(world, _kind_of(name))
                kwargs = {"slug": slug} if slug else {}
                if record is not None:
                    kwargs["uid"] = record.uid
                url = reverse(name, kwargs=kwargs)
                for who, user in world.users.items():
                    answer = getattr(callers[who], method)(url)
                    tried += 1
                    if method == "get" and name.endswith("-list"):
                        lists[(name, slug, who)] = answer
                    expected = _expected(
                        rule, who, user, method, name, slug, record, page_record, pages[who], lists
                    )
                    # A forbidden write tried: one the caller's page would refuse.
                    refused_writes += method != "get" and 400 not in expected
                    if answer.status_code not in expected:
                        wrong.append(
                            f"{who}: {method.upper()} {url} answered {answer.status_code}, "
                            f"expected {sorted(expected)}"
                        )
    assert not wrong, "\n".join(wrong)
    print(f"{tried} calls, {refused_writes} of them writes the caller may not make")


def _expected(rule, who, user, method, name, slug, record, page_record, client, lists) -> set[int]:
    if rule == PUBLIC:
        return {200}
    if user is None:
        return {401}
    if rule == SIGNED_IN:
        return {200}
    if rule == DETAIL:
        listed = lists[(name.replace("-detail", "-list"), slug, who)]
        if listed.status_code != 200:
            return {listed.status_code}
        return {200} if _listed(listed, record) else {404}
    code = _page_code(client, rule[0], page_record, slug, method)
    if method == "get":
        return {code}
    return {400} if code == 200 else ({403, 404} if code == 403 else {code})


def _listed(answer, record) -> bool:
    uids = {row["uid"] for row in answer.json()["results"]}
    return str(record.uid) in uids


@pytest.fixture(autouse=True)
def _many_calls(monkeypatch):
    # The walk makes hundreds of calls per person: past the rate limit.
    from rest_framework.throttling import UserRateThrottle

    monkeypatch.setattr(UserRateThrottle, "THROTTLE_RATES", {"user": "100000/hour"})
