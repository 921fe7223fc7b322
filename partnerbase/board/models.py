from django.core.exceptions import ValidationError
from django.db import models

from partnerbase.core.models import DomainModel, ProgrammeRecord
from partnerbase.core.uploads import PrivateUploadTo


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


class BoardPaper(DomainModel):
    """A paper for a board meeting: the file is stored privately under a random name and
    served only by a view that checks who is asking (core/uploads.py)."""

    meeting = models.ForeignKey(BoardMeeting, on_delete=models.CASCADE, related_name="papers")
    title = models.CharField(max_length=200)
    original_filename = models.CharField(max_length=255)
    size_bytes = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Empty when the paper came from an interchange file, which carries metadata, not bytes.
    file = models.FileField(upload_to=PrivateUploadTo("board"), max_length=200, blank=True)

    class Meta:
        ordering = ["meeting__held_on", "id"]

    def __str__(self):
        return self.title


class ActionStatus(models.TextChoices):
    OPEN = "open", "Open"
    DONE = "done", "Done"


class Action(DomainModel):
    """Something a board meeting asked someone to do: owned by a board member (a Champion)
    or by a person from the directory, by a due date."""

    meeting = models.ForeignKey(BoardMeeting, on_delete=models.CASCADE, related_name="actions")
    decision = models.ForeignKey(
        Decision, on_delete=models.SET_NULL, null=True, blank=True, related_name="actions"
    )
    description = models.CharField(max_length=300)
    owner_champion = models.ForeignKey(
        Champion, on_delete=models.PROTECT, null=True, blank=True, related_name="actions"
    )
    owner_person = models.ForeignKey(
        "directory.Person", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    due_on = models.DateField()
    status = models.CharField(max_length=8, choices=ActionStatus.choices, default="open")
    done_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["due_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(owner_champion__isnull=False, owner_person__isnull=True)
                    | models.Q(owner_champion__isnull=True, owner_person__isnull=False)
                ),
                name="board_action_one_owner",
            )
        ]

    def __str__(self):
        return self.description

    @property
    def owner(self):
        return self.owner_champion or self.owner_person

    @property
    def owner_name(self) -> str:
        if self.owner_champion_id:
            return str(self.owner_champion.person)
        return str(self.owner_person) if self.owner_person_id else ""

    def is_overdue(self, today) -> bool:
        return self.status == ActionStatus.OPEN and self.due_on < today

    def clean(self):
        if bool(self.owner_champion_id) == bool(self.owner_person_id):
            raise ValidationError({"owner": "Choose one owner: a board member or a person."})
        if self.status == ActionStatus.DONE and not self.done_on:
            raise ValidationError({"done_on": "Enter the date the action was done."})
        if self.status == ActionStatus.OPEN and self.done_on:
            raise ValidationError({"done_on": "An open action has no done date."})
