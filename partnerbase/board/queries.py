"""Reads for the board; the views check can_view_board before calling these."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch
from django.http import Http404

from partnerbase.directory.models import Person

from .models import Action, ActionStatus, BoardMeeting, BoardPaper, Champion, Decision


def champion_list(*, programme):
    return Champion.objects.filter(programme=programme).select_related("person", "organisation")


def champion_get(*, programme, uid) -> Champion:
    champion = champion_list(programme=programme).filter(uid=uid).first()
    if champion is None:
        raise Http404("No such board seat")
    return champion


def _actions():
    return Action.objects.select_related(
        "owner_champion__person", "owner_person", "meeting", "decision"
    )


def meeting_list(*, programme):
    return BoardMeeting.objects.filter(programme=programme).prefetch_related(
        Prefetch("papers", queryset=BoardPaper.objects.order_by("id")),
        Prefetch("decisions", queryset=Decision.objects.order_by("id")),
    )


def meeting_get(*, programme, uid) -> BoardMeeting:
    meeting = (
        meeting_list(programme=programme)
        .prefetch_related(Prefetch("actions", queryset=_actions().order_by("due_on", "id")))
        .filter(uid=uid)
        .first()
    )
    if meeting is None:
        raise Http404("No such meeting")
    return meeting


def paper_list(*, programme):
    """The meetings' papers, as records: their files go through paper_download."""
    return BoardPaper.objects.filter(meeting__programme=programme).order_by("meeting_id", "id")


def decision_list(*, programme):
    return Decision.objects.filter(meeting__programme=programme).order_by("meeting_id", "id")


def paper_get(*, programme, uid) -> BoardPaper:
    paper = (
        BoardPaper.objects.filter(meeting__programme=programme, uid=uid)
        .select_related("meeting__programme")
        .first()
    )
    if paper is None:
        raise Http404("No such paper")
    return paper


def decision_get(*, programme, uid) -> Decision:
    decision = Decision.objects.filter(meeting__programme=programme, uid=uid).first()
    if decision is None:
        raise Http404("No such decision")
    return decision


def action_get(*, programme, uid) -> Action:
    action = _actions().filter(meeting__programme=programme, uid=uid).first()
    if action is None:
        raise Http404("No such action")
    return action


def action_list(*, programme, status: str | None = None):
    actions = _actions().filter(meeting__programme=programme)
    return actions.filter(status=status) if status else actions


def people_for_actions(*, programme):
    return Person.objects.filter(programme=programme).select_related("organisation")


@dataclass
class BoardOverview:
    today: date
    seats: list = field(default_factory=list)
    past_seats: list = field(default_factory=list)
    upcoming: list = field(default_factory=list)
    past: list = field(default_factory=list)
    decisions: list = field(default_factory=list)
    open_actions: list = field(default_factory=list)

    @property
    def overdue_count(self) -> int:
        return sum(1 for a in self.open_actions if a.is_overdue(self.today))


def board_overview(*, programme, today: date) -> BoardOverview:
    """Everything the board page shows, in a fixed number of queries."""
    overview = BoardOverview(today=today)
    for seat in champion_list(programme=programme).order_by("role", "person__name"):
        ended = seat.term_ends_on is not None and seat.term_ends_on < today
        (overview.past_seats if ended else overview.seats).append(seat)
    meetings = list(meeting_list(programme=programme).order_by("held_on", "id"))
    overview.upcoming = [m for m in meetings if m.held_on >= today]
    overview.past = [m for m in reversed(meetings) if m.held_on < today]
    overview.decisions = [d for m in meetings for d in m.decisions.all()]
    overview.open_actions = list(
        action_list(programme=programme, status=ActionStatus.OPEN).order_by("due_on", "id")
    )
    return overview
