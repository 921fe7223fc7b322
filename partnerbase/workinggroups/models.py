"""Working groups (DESIGN.md): one per challenge area, with members, meetings and ideas."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from partnerbase.core.models import DomainModel, ProgrammeRecord

from . import ideas


class WorkingGroup(ProgrammeRecord):
    challenge_area = models.OneToOneField(
        "challenges.ChallengeArea", on_delete=models.PROTECT, related_name="working_group"
    )
    name = models.CharField(max_length=200)
    purpose = models.TextField(blank=True)
    # An archived group keeps its members, meetings and ideas but takes no new ones.
    archived_on = models.DateField(null=True, blank=True)

    class Meta(ProgrammeRecord.Meta):
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def is_archived(self) -> bool:
        return self.archived_on is not None


class WorkingGroupMember(DomainModel):
    """A person from a partner organisation in a working group, from joined_on to left_on.

    `user` is how a signed-in person is known to be this member: the team sets it when the
    member has an account. Without it the member is a record only (most of the 80 were)."""

    working_group = models.ForeignKey(
        WorkingGroup, on_delete=models.CASCADE, related_name="members"
    )
    person = models.ForeignKey(
        "directory.Person", on_delete=models.PROTECT, related_name="working_groups"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="working_group_memberships",
    )
    joined_on = models.DateField()
    left_on = models.DateField(null=True, blank=True)
    # The lead is a member; at most one per group (constraint below).
    is_lead = models.BooleanField(default=False)

    class Meta:
        ordering = ["-is_lead", "person__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["working_group", "person"], name="working_group_member_unique"
            ),
            models.UniqueConstraint(
                fields=["working_group", "user"],
                condition=models.Q(user__isnull=False),
                name="working_group_member_user_unique",
            ),
            models.UniqueConstraint(
                fields=["working_group"],
                condition=models.Q(is_lead=True),
                name="working_group_one_lead",
            ),
        ]
        indexes = [models.Index(fields=["joined_on"])]

    def __str__(self):
        return str(self.person)

    def clean(self):
        if self.left_on and self.joined_on and self.left_on < self.joined_on:
            raise ValidationError({"left_on": "They must leave on or after the day they joined."})

    def is_current(self, on) -> bool:
        return self.joined_on <= on and (self.left_on is None or self.left_on >= on)


class WorkingGroupMeeting(DomainModel):
    working_group = models.ForeignKey(
        WorkingGroup, on_delete=models.CASCADE, related_name="meetings"
    )
    held_on = models.DateField()
    notes = models.TextField()
    attendees = models.ManyToManyField(WorkingGroupMember, blank=True, related_name="meetings")

    class Meta:
        ordering = ["-held_on", "-id"]

    def __str__(self):
        return f"{self.working_group} meeting on {self.held_on}"


class IdeaStatus(models.TextChoices):
    IDEA = ideas.IDEA, ideas.LABELS[ideas.IDEA]
    SHORTLISTED = ideas.SHORTLISTED, ideas.LABELS[ideas.SHORTLISTED]
    BECAME_PROJECT = ideas.BECAME_PROJECT, ideas.LABELS[ideas.BECAME_PROJECT]
    PARKED = ideas.PARKED, ideas.LABELS[ideas.PARKED]


class Idea(DomainModel):
    """An idea a member proposed; if it became a project, the project it became."""

    working_group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="ideas")
    title = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    proposed_by = models.ForeignKey(
        # RESTRICT, not PROTECT: deleting the whole group (with its ideas) may go ahead.
        WorkingGroupMember,
        on_delete=models.RESTRICT,
        related_name="ideas_proposed",
    )
    proposed_on = models.DateField()
    status = models.CharField(max_length=16, choices=IdeaStatus.choices, default=IdeaStatus.IDEA)
    status_changed_on = models.DateField(null=True, blank=True)
    project = models.ForeignKey(
        "projects.CollaborativeProject",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ideas",
    )

    class Meta:
        ordering = ["-proposed_on", "title"]
        constraints = [
            # A project came from one idea.
            models.UniqueConstraint(
                fields=["project"],
                condition=models.Q(project__isnull=False),
                name="idea_project_unique",
            )
        ]

    def __str__(self):
        return self.title
