from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from partnerbase.core.models import DomainModel, ProgrammeRecord


class ChallengeArea(ProgrammeRecord):
    """A problem the partners chose together, e.g. financial inclusion."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80)
    description = models.TextField(blank=True)
    # Set when a vote chose the area: the proposal it came from and the vote, kept as record.
    proposal = models.OneToOneField(
        "ChallengeProposal",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="challenge_area",
    )
    vote = models.ForeignKey(
        "ChallengeVote",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="challenge_areas",
    )

    class Meta(ProgrammeRecord.Meta):
        ordering = ["name"]
        constraints = ProgrammeRecord.Meta.constraints + [
            models.UniqueConstraint(fields=["programme", "slug"], name="challenge_slug_unique")
        ]

    def __str__(self):
        return self.name


class ChallengeProposal(ProgrammeRecord):
    """A challenge area a partner organisation proposes for the programme to take on."""

    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    organisation = models.ForeignKey(
        "directory.Organisation", on_delete=models.PROTECT, related_name="challenge_proposals"
    )
    proposed_on = models.DateField()
    # Who typed it in; not part of the interchange file (users are not exported).
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta(ProgrammeRecord.Meta):
        ordering = ["proposed_on", "title", "uid"]

    def __str__(self):
        return self.title


class Electorate(models.TextChoices):
    BOARD = "board", "The board"
    PARTNERSHIP = "partnership", "The whole partnership"


class VoteMethod(models.TextChoices):
    APPROVAL = "approval", "Approval voting"
    RANKED = "ranked", "Ranked ballot (Schulze method)"


class VoteStatus(models.TextChoices):
    DRAFT = "draft", "Not yet open"
    OPEN = "open", "Open"
    CLOSED = "closed", "Closed"
    ADOPTED = "adopted", "Adopted"


class ChallengeVote(ProgrammeRecord):
    """A vote on a set of proposals, to choose the programme's challenge areas.

    The roll (`electors`) is fixed when the vote opens, so later changes to the board or
    the partnership do not change who could vote; the result is stored when it closes."""

    title = models.CharField(max_length=200)
    electorate = models.CharField(max_length=16, choices=Electorate.choices)
    method = models.CharField(max_length=16, choices=VoteMethod.choices)
    seats = models.PositiveSmallIntegerField(help_text="How many challenge areas to choose.")
    opens_on = models.DateField()
    closes_on = models.DateField()
    status = models.CharField(max_length=8, choices=VoteStatus.choices, default=VoteStatus.DRAFT)
    proposals = models.ManyToManyField(ChallengeProposal, related_name="votes")
    electors = models.ManyToManyField(
        "directory.Organisation", related_name="challenge_votes", blank=True
    )
    opened_on = models.DateField(null=True, blank=True)
    closed_on = models.DateField(null=True, blank=True)
    adopted_on = models.DateField(null=True, blank=True)
    result = models.JSONField(null=True, blank=True)

    class Meta(ProgrammeRecord.Meta):
        ordering = ["-opens_on", "id"]

    def __str__(self):
        return self.title

    def clean(self):
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            raise ValidationError({"closes_on": "The vote must close on or after it opens."})
        if self.seats is not None and self.seats < 1:
            raise ValidationError({"seats": "Choose at least one challenge area."})


class Ballot(DomainModel):
    """One member organisation's ballot; casting again before the close replaces it."""

    vote = models.ForeignKey(ChallengeVote, on_delete=models.CASCADE, related_name="ballots")
    organisation = models.ForeignKey(
        "directory.Organisation", on_delete=models.PROTECT, related_name="ballots"
    )
    cast_on = models.DateField()
    cast_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Proposal uids: approved ones (approval), or best first (ranked). Ids, not keys, so a
    # ballot survives export and import unchanged.
    choices = models.JSONField(default=list)

    class Meta:
        ordering = ["organisation__name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["vote", "organisation"], name="ballot_one_per_org")
        ]

    def __str__(self):
        return f"{self.organisation} in {self.vote}"
