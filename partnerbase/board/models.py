from django.core.exceptions import ValidationError
from django.db import models

from partnerbase.core.models import DomainModel, ProgrammeRecord


class ChampionRole(models.TextChoices):
    CHAIR = "chair", "Chair"
    MEMBER = "member", "Member"


class Champion(ProgrammeRecord):
    """A seat on the programme's board: a person (usually a CEO) for their organisation."""

    person = models.ForeignKey(
        "directory.Person", on_delete=models.PROTECT, related_name="board_seats"
    )
    organisation = models.ForeignKey(
        "directory.Organisation", on_delete=models.PROTECT, related_name="board_seats"
    )
    role = models.CharField(max_length=8, choices=ChampionRole.choices, default=ChampionRole.MEMBER)
    term_starts_on = models.DateField()
    term_ends_on = models.DateField(null=True, blank=True)

    class Meta(ProgrammeRecord.Meta):
        ordering = ["person__name"]
        indexes = [models.Index(fields=["organisation", "term_starts_on"])]

    def __str__(self):
        return f"{self.person} ({self.organisation})"

    def clean(self):
        if self.term_ends_on and self.term_ends_on < self.term_starts_on:
            raise ValidationError({"term_ends_on": "The term must end on or after it starts."})


class BoardMeeting(ProgrammeRecord):
    held_on = models.DateField()
    title = models.CharField(max_length=200)
    agenda = models.TextField(blank=True)

    class Meta(ProgrammeRecord.Meta):
        ordering = ["-held_on", "id"]

    def __str__(self):
        return f"{self.title} ({self.held_on})"


class DecisionKind(models.TextChoices):
    AMBITION = "ambition", "Ambition"
    AGREED_WORK = "agreed_work", "Agreed work"


class Decision(DomainModel):
    """What a board meeting decided: an ambition or a piece of agreed work."""

    meeting = models.ForeignKey(BoardMeeting, on_delete=models.CASCADE, related_name="decisions")
    kind = models.CharField(max_length=16, choices=DecisionKind.choices)
    summary = models.CharField(max_length=300)
    detail = models.TextField(blank=True)

    class Meta:
        ordering = ["meeting__held_on", "id"]

    def __str__(self):
        return self.summary
