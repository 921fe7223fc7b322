"""Competitions (DESIGN.md, "Competition"): a challenge prize with a sponsor, a prize fund,
stages, entries, judging against a rubric, and awards that become funding awards."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from partnerbase.core.currencies import from_minor
from partnerbase.core.models import DomainModel, ProgrammeRecord
from partnerbase.core.validators import minor_units_max
from partnerbase.programmes.models import currency_code


class Competition(ProgrammeRecord):
    name = models.CharField(max_length=300)
    sponsor = models.ForeignKey(
        "directory.Organisation", on_delete=models.PROTECT, related_name="competitions_sponsored"
    )
    # Whole minor units, like every amount of money (architecture.md, "Money").
    prize_fund_minor = models.BigIntegerField(validators=[minor_units_max])
    prize_fund_currency = models.CharField(max_length=3, validators=[currency_code])
    launch_date = models.DateField()
    challenge_area = models.ForeignKey(
        "challenges.ChallengeArea",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="competitions",
    )
    description = models.TextField(blank=True)
    # Shown on the programme's public page only once the team publishes it.
    published = models.BooleanField(default=False)

    class Meta(ProgrammeRecord.Meta):
        ordering = ["-launch_date", "name"]

    def __str__(self):
        return self.name

    @property
    def prize_fund(self) -> Decimal:
        return from_minor(self.prize_fund_minor, self.prize_fund_currency)

    def clean(self):
        if self.prize_fund_minor is not None and self.prize_fund_minor <= 0:
            raise ValidationError({"prize_fund_minor": "The prize fund must be more than 0."})


class CompetitionStage(DomainModel):
    """A dated step, e.g. open call, shortlist, final."""

    competition = models.ForeignKey(Competition, on_delete=models.CASCADE, related_name="stages")
    name = models.CharField(max_length=200)
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["starts_on", "id"]

    def __str__(self):
        return f"{self.name} ({self.competition})"

    def clean(self):
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": "The stage must end on or after it starts."})


class CompetitionJudge(DomainModel):
    """A user with the assessor role judging this competition, for an organisation (the
    organisation is what the conflict-of-interest rule compares with each entrant)."""

    competition = models.ForeignKey(Competition, on_delete=models.CASCADE, related_name="judges")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="competition_judging"
    )
    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="competition_judges",
    )

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["competition", "user"], name="competition_judge_unique")
        ]

    def __str__(self):
        return f"{self.user} judging {self.competition}"


class CompetitionEntry(DomainModel):
    competition = models.ForeignKey(Competition, on_delete=models.CASCADE, related_name="entries")
    organisation = models.ForeignKey(
        "directory.Organisation", on_delete=models.PROTECT, related_name="competition_entries"
    )
    title = models.CharField(max_length=300)
    summary = models.TextField(blank=True)
    entered_on = models.DateField()

    class Meta:
        verbose_name_plural = "competition entries"
        ordering = ["entered_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["competition", "organisation"], name="competition_entry_unique"
            )
        ]

    def __str__(self):
        return f"{self.title} ({self.organisation})"


class JudgeAssignment(DomainModel):
    """An entry a judge is asked to score; judges see only the entries assigned to them."""

    entry = models.ForeignKey(
        CompetitionEntry, on_delete=models.CASCADE, related_name="assignments"
    )
    judge = models.ForeignKey(
        CompetitionJudge, on_delete=models.CASCADE, related_name="assignments"
    )
    submitted_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["entry__entered_on", "id"]
        constraints = [
            models.UniqueConstraint(fields=["entry", "judge"], name="judge_assignment_unique")
        ]

    def __str__(self):
        return f"{self.entry} for {self.judge.user}"


class JudgeScore(DomainModel):
    assignment = models.ForeignKey(JudgeAssignment, on_delete=models.CASCADE, related_name="scores")
    # The competition's rubric line (`competition.criteria`).
    criterion = models.ForeignKey("rubrics.Criterion", on_delete=models.CASCADE, related_name="+")
    score = models.SmallIntegerField()

    class Meta:
        ordering = ["criterion_id"]
        constraints = [
            models.UniqueConstraint(fields=["assignment", "criterion"], name="judge_score_unique")
        ]

    def __str__(self):
        return f"{self.criterion}: {self.score}"


class CompetitionAward(DomainModel):
    """A prize to an entry; the money itself is the funding award in the ledger."""

    entry = models.ForeignKey(CompetitionEntry, on_delete=models.CASCADE, related_name="awards")
    funding_award = models.OneToOneField(
        "funding.FundingAward", on_delete=models.PROTECT, related_name="competition_award"
    )

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return str(self.funding_award)
