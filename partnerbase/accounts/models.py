"""Users sign in by email; what they may do comes from their roles in each programme."""

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from simple_history.models import HistoricalRecords


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
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "programme", "role", "organisation"], name="membership_unique"
            )
        ]

    def __str__(self):
        return f"{self.user} — {self.get_role_display()} in {self.programme}"
