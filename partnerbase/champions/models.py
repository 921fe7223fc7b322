"""Champion targeting: the programme's scoring criteria, the prospects on its long list,
their scores, their dated moves through the pipeline and the contacts logged with them."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from partnerbase.core.models import DomainModel, ProgrammeRecord

from .ranking import SCORE_MAX, SCORE_MIN, WEIGHT_MAX
from .stages import Stage as PipelineStage


class Stage(models.TextChoices):
    LONG_LIST = PipelineStage.LONG_LIST, "Long list"
    TARGETED = PipelineStage.TARGETED, "Targeted"
    MEETING_ARRANGED = PipelineStage.MEETING_ARRANGED, "Meeting arranged"
    MET = PipelineStage.MET, "Met"
    COMMITTED = PipelineStage.COMMITTED, "Committed"
    DECLINED = PipelineStage.DECLINED, "Declined"


class Criterion(ProgrammeRecord):
    """One thing prospects are scored on, with the weight the programme gives it."""

    name = models.CharField(max_length=100)
    weight = models.PositiveSmallIntegerField(default=1, validators=[MaxValueValidator(WEIGHT_MAX)])
    position = models.PositiveSmallIntegerField(default=0)

    class Meta(ProgrammeRecord.Meta):
        ordering = ["position", "id"]
        verbose_name_plural = "criteria"
        constraints = [
            *ProgrammeRecord.Meta.constraints,
            models.UniqueConstraint(fields=["programme", "name"], name="champion_criterion_name"),
        ]

    def __str__(self):
        return self.name

    @property
    def key(self):
        """What forms and the ranking know it by: its id; for a default shown before the
        programme has saved any criteria (queries.criteria_shown), its place."""
        return self.pk if self.pk is not None else f"default-{self.position}"


class Prospect(ProgrammeRecord):
    """A person, for their organisation, considered for a seat on the board."""

    person = models.ForeignKey(
        "directory.Person", on_delete=models.PROTECT, related_name="champion_prospects"
    )
    organisation = models.ForeignKey(
        "directory.Organisation", on_delete=models.PROTECT, related_name="champion_prospects"
    )
    notes = models.TextField(blank=True)
    stage = models.CharField(max_length=20, choices=Stage.choices, default=Stage.LONG_LIST)
    stage_changed_on = models.DateField()
    champion = models.OneToOneField(
        "board.Champion",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="prospect",
        help_text="The board seat the prospect took when they committed.",
    )

    class Meta(ProgrammeRecord.Meta):
        ordering = ["organisation__name", "person__name"]
        constraints = [
            *ProgrammeRecord.Meta.constraints,
            models.UniqueConstraint(
                fields=["programme", "person"], name="champion_prospect_person"
            ),
        ]

    def __str__(self):
        return f"{self.person} ({self.organisation})"


class Score(DomainModel):
    prospect = models.ForeignKey(Prospect, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="scores")
    value = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(SCORE_MIN), MaxValueValidator(SCORE_MAX)]
    )

    class Meta:
        ordering = ["criterion__position", "criterion_id"]
        constraints = [
            models.UniqueConstraint(fields=["prospect", "criterion"], name="champion_score_unique")
        ]

    def __str__(self):
        return f"{self.criterion}: {self.value}"


class StageChange(DomainModel):
    """A dated move through the pipeline; the first has no from_stage (added to the list)."""

    prospect = models.ForeignKey(Prospect, on_delete=models.CASCADE, related_name="stage_changes")
    from_stage = models.CharField(max_length=20, choices=Stage.choices, blank=True)
    to_stage = models.CharField(max_length=20, choices=Stage.choices)
    changed_on = models.DateField()
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["changed_on", "id"]

    def __str__(self):
        return f"{self.get_to_stage_display()} on {self.changed_on}"


class Contact(DomainModel):
    """Links a logged engagement to the prospect it was with."""

    prospect = models.ForeignKey(Prospect, on_delete=models.CASCADE, related_name="contacts")
    engagement = models.OneToOneField(
        "directory.Engagement", on_delete=models.CASCADE, related_name="champion_contact"
    )

    class Meta:
        ordering = ["engagement__occurred_on", "id"]

    def __str__(self):
        return str(self.engagement)
