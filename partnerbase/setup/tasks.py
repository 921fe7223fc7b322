"""The set-up task list on the team's dashboard: each step of setting a programme up, with
its status worked out from the programme's records (the GOV.UK "Task list" pattern)."""

from dataclasses import dataclass

from django.db.models import Q
from django.urls import NoReverseMatch, reverse

from partnerbase.accelerator.models import Accelerator, Cohort
from partnerbase.accounts.models import Membership, Role
from partnerbase.board.models import Champion
from partnerbase.brokering.models import BrokeringRound
from partnerbase.calls.models import Call
from partnerbase.challenges.models import ChallengeArea
from partnerbase.directory.models import Organisation
from partnerbase.funding.models import ExchangeRate
from partnerbase.impact.models import Figure, Target
from partnerbase.workinggroups.models import WorkingGroup

COMPLETED, INCOMPLETE, NOT_STARTED, CANNOT_START = (
    "completed",
    "incomplete",
    "not_started",
    "cannot_start",
)
STATUS_LABELS = {
    COMPLETED: "Completed",
    INCOMPLETE: "Incomplete",
    NOT_STARTED: "Not yet started",
    CANNOT_START: "Cannot start yet",
}


@dataclass(frozen=True)
class Task:
    key: str
    label: str
    hint: str
    status: str
    url: str | None

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def done(self) -> bool:
        return self.status == COMPLETED


def _url(name: str, programme) -> str | None:
    try:
        return reverse(name, args=[programme.slug])
    except NoReverseMatch:  # a page another part of Partnerbase has not added yet
        return None


def _status(done: bool, started: bool = False) -> str:
    return COMPLETED if done else INCOMPLETE if started else NOT_STARTED


def _rates_status(programme) -> str:
    """Completed when every display currency has a rate with the reference currency."""
    shown = programme.display_currency_list
    if not shown:
        return COMPLETED
    reference = programme.reference_currency
    pairs = set(
        ExchangeRate.objects.filter(programme=programme)
        .filter(Q(base=reference, quote__in=shown) | Q(quote=reference, base__in=shown))
        .values_list("base", "quote")
    )
    covered = {quote if base == reference else base for base, quote in pairs}
    return _status(covered >= set(shown), bool(covered))


def setup_tasks(programme) -> list[Task]:
    """Each set-up step in the order a new programme takes them, in about a dozen queries."""
    targets = Target.objects.filter(programme=programme).count()
    areas = ChallengeArea.objects.filter(programme=programme).count()
    groups = WorkingGroup.objects.filter(programme=programme).count()
    accelerators = Accelerator.objects.filter(programme=programme).exists()
    cohorts = Cohort.objects.filter(accelerator__programme=programme).exists()
    others = Membership.objects.filter(programme=programme).exclude(role=Role.TEAM).exists()
    tasks = [
        (
            "settings",
            "Programme settings",
            "Name, dates, description, currencies and report date",
            _status(bool(programme.ends_on and programme.description), True),
            "setup:settings",
        ),
        (
            "conveners",
            "Convening organisations",
            "Left out of organisations engaged and of additional funding's funders",
            _status(
                Organisation.objects.filter(programme=programme, convenes_programme=True).exists()
            ),
            "setup:conveners",
        ),
        (
            "targets",
            "Targets",
            "What each headline figure should reach",
            _status(targets >= len(Figure.choices), targets > 0),
            "reports:targets_edit",
        ),
        (
            "people",
            "People and roles",
            "Invite the team, champions, managers, assessors and partners",
            _status(others),
            "accounts:people",
        ),
        (
            "board",
            "Board",
            "Appoint the champions and plan the first meeting",
            _status(Champion.objects.filter(programme=programme).exists()),
            "board:home",
        ),
        (
            "challenges",
            "Challenge areas",
            "The problems the partners choose together, by proposal and vote",
            _status(areas > 0),
            "challenges:area_list",
        ),
        (
            "working-groups",
            "Working groups",
            "One for each challenge area",
            CANNOT_START if not areas else _status(groups >= areas, groups > 0),
            "workinggroups:group_list",
        ),
        (
            "accelerator",
            "Accelerator and cohort",
            "The accelerator, its delivery partner and its first cohort",
            _status(accelerators and cohorts, accelerators),
            "accelerator:home",
        ),
        (
            "call",
            "Call for applications",
            "Questions, dates and eligibility for the accelerator",
            CANNOT_START
            if not accelerators
            else _status(Call.objects.filter(programme=programme).exists()),
            "calls:call_list",
        ),
        (
            "brokering",
            "Brokering",
            "Innovators' needs, partners' offers and the first round of introductions",
            _status(BrokeringRound.objects.filter(programme=programme).exists()),
            "brokering:home",
        ),
        (
            "rates",
            "Exchange rates",
            "Rates between the reference currency and each display currency",
            _rates_status(programme),
            "funding:rates",
        ),
        (
            "public-page",
            "Public page",
            "Preview the published figures, then publish them",
            _status(programme.figures_published),
            "setup:public_page",
        ),
    ]
    return [
        Task(key, label, hint, status, _url(name, programme))
        for key, label, hint, status, name in tasks
    ]
