"""Users sign in by email; what they may do comes from their roles in each programme."""

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from partnerbase.core.models import DomainModel, ProgrammeRecord


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create(self, email, password, **extra):
        if not email:
            raise ValueError("An email address is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create(email, password, **extra)

    def create_superuser(self, email, password=None, **extra):
        extra["is_staff"] = True
        extra["is_superuser"] = True
        return self._create(email, password, **extra)


class User(AbstractUser):
    username = None
    email = models.EmailField("email address", unique=True)
    full_name = models.CharField(max_length=200, blank=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()
    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    def __str__(self):
        return self.full_name or self.email


class Role(models.TextChoices):
    TEAM = "team", "Convening team"
    CHAMPION = "champion", "Champion"
    WORKING_GROUP_MEMBER = "working_group_member", "Working-group member"
    ACCELERATOR_MANAGER = "accelerator_manager", "Accelerator manager"
    ASSESSOR = "assessor", "Assessor"
    INNOVATOR = "innovator", "Innovator"
    PARTNER_CONTACT = "partner_contact", "Partner contact"


class Membership(models.Model):
    """A user's role in one programme, on behalf of an organisation where the role needs one."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    programme = models.ForeignKey(
        "programmes.Programme", on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=32, choices=Role.choices)
    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="memberships",
        help_text="The organisation the user acts for (champion, innovator, partner contact).",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # The version an edit form opened (core.versions): the role form refuses a stale save.
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "programme", "role", "organisation"], name="membership_unique"
            )
        ]

    def __str__(self):
        return f"{self.user} — {self.get_role_display()} in {self.programme}"


# Why an invitation link cannot be used, in the words its page and errors use.
PROBLEMS = {
    "unknown": "This link is not a valid invitation.",
    "replaced": "A newer email replaced this invitation link.",
    "accepted": "This invitation has already been used.",
    "revoked": "This invitation has been withdrawn.",
    "expired": "This invitation has expired.",
}


class InvitationStatus(models.TextChoices):
    PENDING = "pending", "Waiting"
    ACCEPTED = "accepted", "Accepted"
    REVOKED = "revoked", "Withdrawn"


class Invitation(ProgrammeRecord):
    """An email inviting someone to roles in a programme, by a link that works once.

    Only the SHA-256 hash of the link's token is kept, so the database cannot give the link
    away; resending makes a new token, which stops the old link working. Sign-in data of the
    installation, not the programme's record: the interchange file leaves it out."""

    email = models.EmailField("email address")
    full_name = models.CharField(max_length=200, blank=True)
    # Role values, e.g. ["innovator"]; the organisation goes with each role but the team's.
    roles = models.JSONField(default=list)
    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="invitations",
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    status = models.CharField(
        max_length=8, choices=InvitationStatus.choices, default=InvitationStatus.PENDING
    )
    invited_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    sent_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta(ProgrammeRecord.Meta):
        ordering = ["-sent_at", "id"]

    def __str__(self):
        return f"Invitation to {self.email}"

    def clean(self):
        unknown = [r for r in self.roles if r not in Role.values]
        if not self.roles or unknown:
            raise ValidationError({"roles": "Choose at least one role."})

    @property
    def role_lines(self) -> list[str]:
        """Each role as it will be held: "Innovator for Toolshed" (the team's acts for none)."""
        return [
            f"{Role(r).label} for {self.organisation.name}"
            if self.organisation_id and r != Role.TEAM
            else Role(r).label
            for r in self.roles
        ]

    def is_expired(self, now=None) -> bool:
        return (
            self.status == InvitationStatus.PENDING and (now or timezone.now()) >= self.expires_at
        )

    def problem(self, now=None) -> str:
        """Why the invitation cannot be taken up (a key of PROBLEMS), or "" if it can."""
        if self.status == InvitationStatus.ACCEPTED:
            return "accepted"
        if self.status == InvitationStatus.REVOKED:
            return "revoked"
        return "expired" if self.is_expired(now) else ""


class ApiToken(DomainModel):
    """A key to the REST API (`Authorization: Bearer …`), acting as its holder with the
    holder's roles, limited to one programme if `programme` is set and to reading if
    `read_only`. Only the SHA-256 hash is kept, so the database cannot give the key away;
    the prefix lets a person tell their keys apart."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100)
    prefix = models.CharField(max_length=16, editable=False)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    programme = models.ForeignKey(
        "programmes.Programme",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        help_text="Only this programme's records, if set.",
    )
    read_only = models.BooleanField(default=False)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @property
    def active(self) -> bool:
        return self.revoked_at is None
