"""The board's lists' filters: the API's lists now, and a list page later."""

from partnerbase.core.filters import list_filter

from .models import Action, BoardMeeting, BoardPaper, Champion, Decision

ChampionFilter = list_filter(
    Champion,
    search=("person__name", "organisation__name"),
    ids=("organisation", "person"),
    choices=("role",),
    dates=("term_starts_on", "term_ends_on"),
)
BoardMeetingFilter = list_filter(BoardMeeting, search=("title", "agenda"), dates=("held_on",))
BoardPaperFilter = list_filter(BoardPaper, search=("title",), ids=("meeting",))
DecisionFilter = list_filter(
    Decision, search=("summary", "detail"), ids=("meeting",), choices=("kind",)
)
ActionFilter = list_filter(
    Action,
    search=("description",),
    ids=("meeting", "owner_champion"),
    choices=("status",),
    dates=("due_on",),
)
