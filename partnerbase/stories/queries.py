"""Reads for the stories: the records each paragraph is written from, gathered here and
handed to the pure writer (`writing.py`)."""

from dataclasses import dataclass

from django.http import Http404

from partnerbase.brokering.models import PartnershipPartner
from partnerbase.brokering.stages import CONFIRMED_STAGES
from partnerbase.core.money import NoRate, RateTable
from partnerbase.directory.models import Organisation
from partnerbase.funding.models import FundingAward
from partnerbase.funding.queries import rate_table, report_date
from partnerbase.outcomes.queries import innovator_outcomes

from . import writing
from .models import Story
from .services import innovators_with_places


@dataclass
class StoryText:
    """One story as the report prints it."""

    story: Story
    organisation: Organisation
    paragraph: str
    own_sentence: str

    @property
    def published(self) -> bool:
        return self.story.published


def story_list(*, programme):
    return Story.objects.filter(programme=programme).select_related("organisation")


def story_get(*, programme, uid) -> Story:
    story = story_list(programme=programme).filter(uid=uid).first()
    if story is None:
        raise Http404("No such story in this programme.")
    return story


def story_candidates(*, programme):
    """Innovators with a cohort place and no story yet, for the team to choose from."""
    chosen = Story.objects.filter(programme=programme).values_list("organisation_id", flat=True)
    return (
        Organisation.objects.filter(programme=programme, pk__in=innovators_with_places(programme))
        .exclude(pk__in=chosen)
        .order_by("name")
    )


def programme_money(programme, rates: RateTable | None = None) -> writing.Money:
    """The reference currency and the display currencies' multipliers at the report date,
    as the dashboard shows them; a display currency without a rate is left out."""
    rates = rate_table(programme=programme) if rates is None else rates
    at = report_date(programme)
    display = []
    for code in programme.display_currency_list:
        try:
            display.append((code, rates.lookup(programme.reference_currency, code, at)[0]))
        except NoRate:
            continue
    return writing.Money(programme.reference_currency, tuple(display))


def _awards(organisation, currency: str, rates: RateTable) -> list[writing.Award]:
    """Confirmed awards to the organisation, oldest first, in the reference currency at the
    rate on each award's date (its own currency when there is no rate)."""
    awards = []
    qs = (
        FundingAward.objects.filter(recipient=organisation, confirmed=True)
        .select_related("funder", "via_intermediary")
        .order_by("award_date", "id")
    )
    for award in qs:
        value, in_currency = award.amount, award.currency
        try:
            value = rates.convert(value, award.currency, currency, award.award_date)
            in_currency = currency
        except NoRate:
            pass
        awards.append(
            writing.Award(
                funder=award.funder.name,
                instrument=award.instrument,
                amount=value,
                currency=in_currency,
                intermediary=award.via_intermediary.name if award.via_intermediary else "",
            )
        )
    return awards


def _partners(organisation) -> list[str]:
    """Partners in the innovator's confirmed (or active, completed) partnerships, in the
    order the partnerships were confirmed."""
    rows = (
        PartnershipPartner.objects.filter(
            partnership__innovator=organisation, partnership__stage__in=CONFIRMED_STAGES
        )
        .order_by("partnership__confirmed_on", "partnership__id", "id")
        .values_list("organisation__name", flat=True)
    )
    return list(rows)


def _outcomes(organisation) -> list[writing.Outcome]:
    _, rows = innovator_outcomes(organisation)
    return [writing.Outcome(r.indicator.name, r.indicator.unit, r.result) for r in rows]


def story_paragraph(organisation, money: writing.Money, rates: RateTable) -> str:
    return writing.paragraph(
        name=organisation.name,
        awards=_awards(organisation, money.currency, rates),
        partners=_partners(organisation),
        outcomes=_outcomes(organisation),
        money=money,
    )


def report_stories(programme, *, published_only: bool) -> list[StoryText]:
    """The programme's stories in order, each with its paragraph written from the records
    and the team's own sentence: for the stories page, the report and the public page."""
    stories = story_list(programme=programme)
    if published_only:
        stories = stories.filter(published=True)
    rates = rate_table(programme=programme)
    money = programme_money(programme, rates)
    return [
        StoryText(s, s.organisation, story_paragraph(s.organisation, money, rates), s.own_sentence)
        for s in stories
    ]
