"""Competitions: entries, judges and conflicts of interest, scoring, ranking and awards."""

from datetime import date
from decimal import Decimal

import pytest

from partnerbase.accounts.models import Role
from partnerbase.brokering.stages import Stage
from partnerbase.core.errors import DomainError
from partnerbase.core.period import Period
from partnerbase.funding.models import FundingAward
from partnerbase.impact.figures import additional_funding_awards, engaged_organisations
from partnerbase.projects import services
from partnerbase.projects.models import Competition, CompetitionAward, JudgeAssignment, JudgeScore
from partnerbase.projects.queries import competition_ranking

pytestmark = pytest.mark.django_db
YEAR = Period(date(2017, 1, 1), date(2017, 12, 31))


def score(world, judge, entry, impact, team):
    assignment = JudgeAssignment.objects.get(judge=judge, entry=entry)
    impact_c, team_c = world.criteria
    return services.judge_scores_submit(
        actor=judge.user,
        assignment=assignment,
        scores={impact_c: impact, team_c: team},
        submitted_on=date(2017, 6, 1),
    )


def award(world, entry, amount, on=date(2017, 10, 1)):
    return services.competition_award_make(
        actor=world.make.actor, entry=entry, amount=Decimal(amount), award_date=on
    )


# --- setting up ------------------------------------------------------------------------


@pytest.mark.parametrize("amount", ["0", "-1", "10.001"])
def test_a_prize_fund_must_be_positive_whole_pence(world, amount):
    with pytest.raises(DomainError) as exc:
        services.competition_create(
            actor=world.make.actor,
            programme=world.programme,
            name="Bad fund",
            sponsor=world.sponsor,
            prize_fund=Decimal(amount),
            currency="GBP",
            launch_date=date(2017, 1, 1),
        )

    assert exc.value.field == "prize_fund"
    assert not Competition.objects.filter(name="Bad fund").exists()


def test_a_rubric_names_each_criterion_once(world):
    with pytest.raises(DomainError) as exc:
        services.rubric_criterion_add(
            actor=world.make.actor, competition=world.competition, name="Impact"
        )

    assert exc.value.field == "name"
    assert world.competition.criteria.filter(name="Impact").count() == 1


# --- entries ---------------------------------------------------------------------------


def test_an_organisation_enters_once_and_not_before_launch_nor_as_sponsor(world):
    enter = lambda org, on=date(2017, 4, 2): services.competition_entry_record(  # noqa: E731
        actor=world.make.actor,
        competition=world.competition,
        organisation=org,
        title="Again",
        entered_on=on,
    )
    for organisation, on in [
        (world.entrant, date(2017, 4, 2)),
        (world.sponsor, date(2017, 4, 2)),
        (world.make.org(), date(2017, 2, 1)),
    ]:
        with pytest.raises(DomainError):
            enter(organisation, on)
    assert world.competition.entries.count() == 2


def test_entrants_and_the_sponsor_count_as_engaged_in_the_period(world):
    engaged = set(engaged_organisations(world.programme, YEAR))
    before = set(
        engaged_organisations(world.programme, Period(date(2016, 1, 1), date(2016, 12, 31)))
    )

    assert {world.entrant, world.other_entrant, world.sponsor} <= engaged
    assert not {world.entrant, world.sponsor} & before


# --- judges and conflicts of interest --------------------------------------------------


def test_a_judge_must_be_an_assessor_in_the_programme(world):
    for role in (Role.TEAM, Role.CHAMPION, None):
        with pytest.raises(DomainError) as exc:
            services.competition_judge_add(
                actor=world.make.actor, competition=world.competition, user=world.user(role)
            )
        assert exc.value.field == "user"
    assert world.competition.judges.count() == 0


def test_a_judge_from_the_entrant_is_refused_that_entry_and_nothing_is_saved(world):
    with pytest.raises(DomainError) as exc:
        world.judge(organisation=world.entrant, entries=[world.other_entry, world.entry])

    assert "Conflict of interest" in exc.value.message
    assert world.competition.judges.count() == 0
    assert JudgeAssignment.objects.count() == 0


@pytest.mark.parametrize("judge_side", ["innovator", "partner"])
def test_a_judge_whose_organisation_partners_the_entrant_is_refused(world, judge_side):
    judge_org = world.make.org("Judge Employer")
    if judge_side == "innovator":
        world.make.partnership(innovator=judge_org, partners=[world.entrant])
    else:
        world.make.partnership(innovator=world.entrant, partners=[judge_org])
    judge = world.judge(organisation=judge_org, entries=[world.other_entry])

    with pytest.raises(DomainError, match="partner of Entrant One"):
        services.judge_assign(actor=world.make.actor, judge=judge, entry=world.entry)

    assert list(judge.assignments.values_list("entry", flat=True)) == [world.other_entry.pk]


def test_partners_in_the_same_partnership_conflict_but_a_declined_one_does_not(world):
    judge_org, third = world.make.org("Judge Employer"), world.make.org("Third")
    world.make.partnership(innovator=third, partners=[judge_org, world.entrant])
    world.make.partnership(
        innovator=judge_org, partners=[world.other_entrant], stage=Stage.DECLINED
    )
    judge = world.judge(organisation=judge_org)

    assert services.judge_conflict(judge, world.entry)
    assert services.judge_conflict(judge, world.other_entry) == ""


def test_a_partnership_formed_after_assignment_stops_the_judge_scoring(world):
    judge_org = world.make.org("Judge Employer")
    judge = world.judge(organisation=judge_org, entries=[world.entry])
    world.make.partnership(innovator=world.entrant, partners=[judge_org])

    with pytest.raises(DomainError, match="Conflict of interest"):
        score(world, judge, world.entry, 5, 3)
    assert not JudgeScore.objects.exists()


# --- scoring and ranking ---------------------------------------------------------------


def test_scores_must_cover_every_criterion_within_its_range(world):
    judge = world.judge(entries=[world.entry])
    assignment = judge.assignments.get()
    impact, team = world.criteria
    for scores, field in [
        ({impact: 5}, f"criterion_{team.pk}"),
        ({impact: 11, team: 3}, f"criterion_{impact.pk}"),
        ({impact: 5, team: 0}, f"criterion_{team.pk}"),
    ]:
        with pytest.raises(DomainError) as exc:
            services.judge_scores_submit(
                actor=judge.user,
                assignment=assignment,
                scores=scores,
                submitted_on=date(2017, 6, 1),
            )
        assert exc.value.field == field
    assert not JudgeScore.objects.exists()
    assert JudgeAssignment.objects.get().submitted_on is None


def test_scores_combine_into_a_ranking_and_resubmitting_replaces_them(world):
    one = world.judge(entries=[world.entry, world.other_entry])
    two = world.judge(entries=[world.entry])
    score(world, one, world.entry, 6, 3)  # (2 x 60 + 50) / 3 = 56 2/3
    score(world, two, world.entry, 10, 5)  # 100
    score(world, one, world.other_entry, 8, 5)  # (160 + 100) / 3 = 86 2/3

    ranking = competition_ranking(world.competition)

    assert [(r.entry, r.rank, str(r.shown), r.judges) for r in ranking] == [
        (world.other_entry, 1, "86.67", 1),
        (world.entry, 2, "78.33", 2),
    ]
    score(world, one, world.entry, 10, 5)
    assert competition_ranking(world.competition)[0].entry == world.entry
    assert JudgeScore.objects.count() == 6


def test_unscored_entries_are_listed_unranked(world):
    world.judge(entries=[world.entry])  # assigned, not submitted

    ranking = competition_ranking(world.competition)

    assert {r.entry for r in ranking} == {world.entry, world.other_entry}
    assert all(r.rank is None and r.score is None for r in ranking)


def test_the_rubric_is_fixed_once_judging_starts(world):
    judge = world.judge(entries=[world.entry])
    score(world, judge, world.entry, 5, 3)

    with pytest.raises(DomainError):
        services.rubric_criterion_add(
            actor=world.make.actor, competition=world.competition, name="Late"
        )


# --- awards ----------------------------------------------------------------------------


def test_an_award_becomes_a_prize_in_the_funding_ledger(world):
    prize = award(world, world.entry, "40000")

    ledger = FundingAward.objects.get()
    assert prize.funding_award == ledger
    assert (ledger.instrument, ledger.funder, ledger.recipient) == (
        "prize",
        world.sponsor,
        world.entrant,
    )
    assert (ledger.amount, ledger.currency) == (Decimal("40000.00"), "GBP")
    assert ledger.award_date == date(2017, 10, 1) and ledger.confirmed
    assert ledger.title == "Money for Good: prize to Entrant One"
    assert ledger.history.get().history_change_reason == "Funding award recorded"


def test_awards_cannot_exceed_the_prize_fund_or_precede_the_launch(world):
    award(world, world.entry, "60000")

    with pytest.raises(DomainError, match="Only £40,000 of the prize fund") as exc:
        award(world, world.other_entry, "40000.01")
    assert exc.value.field == "amount"
    with pytest.raises(DomainError) as exc:
        award(world, world.other_entry, "100", on=date(2017, 2, 1))
    assert exc.value.field == "award_date"
    assert FundingAward.objects.count() == CompetitionAward.objects.count() == 1
    award(world, world.other_entry, "40000")


def test_judging_of_an_entry_closes_once_it_is_awarded_a_prize(world):
    judge = world.judge(entries=[world.entry, world.other_entry])
    award(world, world.entry, "1000")

    with pytest.raises(DomainError, match="judging is closed"):
        score(world, judge, world.entry, 5, 3)
    score(world, judge, world.other_entry, 5, 3)


def test_a_prize_to_a_supported_innovator_after_joining_is_additional_funding(world):
    """The definition is impact/figures.py's; the prize only has to reach the ledger right."""
    make = world.make
    cohort = make.cohort(date(2017, 2, 1))
    make.member(cohort, world.entrant, date(2017, 2, 1))
    make.member(cohort, world.other_entrant, date(2017, 11, 1))

    after = award(world, world.entry, "1000", on=date(2017, 10, 1)).funding_award
    before_joining = award(world, world.other_entry, "2000", on=date(2017, 10, 1)).funding_award

    counted = set(additional_funding_awards(world.programme, YEAR))
    assert after in counted and before_joining not in counted


def test_a_prize_from_a_convening_sponsor_is_not_additional_funding(world):
    make = world.make
    convener = make.convener("Department for Prizes")
    competition = services.competition_create(
        actor=make.actor,
        programme=world.programme,
        name="Government prize",
        sponsor=convener,
        prize_fund=Decimal("5000"),
        currency="GBP",
        launch_date=date(2017, 1, 1),
    )
    cohort = make.cohort(date(2017, 2, 1))
    make.member(cohort, world.entrant, date(2017, 2, 1))
    entry = services.competition_entry_record(
        actor=make.actor,
        competition=competition,
        organisation=world.entrant,
        title="Entry",
        entered_on=date(2017, 3, 1),
    )

    prize = services.competition_award_make(
        actor=make.actor, entry=entry, amount=Decimal("5000"), award_date=date(2017, 6, 1)
    )

    assert prize.funding_award.funder == convener
    assert prize.funding_award not in set(additional_funding_awards(world.programme, YEAR))
