"""A brokering round and the introductions it proposes, sends and hears back about."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from partnerbase.core.models import DomainModel, ProgrammeRecord

from ..stages import ENDED_STAGES, Stage


class RoundStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    RUNNING = "running", "Running"
    RUN = "run", "Proposals ready"
    REVIEWED = "reviewed", "Reviewed"
    SENT = "sent", "Sent"


class RoundMode(models.TextChoices):
    OPTIMAL = "optimal", "Best total score"
    STABLE = "stable", "Stable (no pair would both rather have each other)"


# The engine's six score parts, in the order pages show them; the defaults are the engine's.
WEIGHT_FIELDS = {
    "type_fit": 40,
    "challenge_fit": 20,
    "region_overlap": 15,
    "text_similarity": 10,
    "size_fit": 10,
    "preference": 5,
}


def _weight(name: str, default: int):
    return models.PositiveSmallIntegerField(
        default=default, validators=[MaxValueValidator(100)], verbose_name=name.replace("_", " ")
    )


class BrokeringRound(ProgrammeRecord):
    name = models.CharField(max_length=200)
    status = models.CharField(max_length=8, choices=RoundStatus.choices, default=RoundStatus.DRAFT)
    mode = models.CharField(max_length=8, choices=RoundMode.choices, default=RoundMode.OPTIMAL)
    weight_type_fit = _weight("type_fit", 40)
    weight_challenge_fit = _weight("challenge_fit", 20)
    weight_region_overlap = _weight("region_overlap", 15)
    weight_text_similarity = _weight("text_similarity", 10)
    weight_size_fit = _weight("size_fit", 10)
    weight_preference = _weight("preference", 5)
    # Each innovator gets at most this many introductions, and the engine tries to give it
    # at least the minimum (the shortfall is how many it could not).
    innovator_capacity = models.PositiveSmallIntegerField(
        default=3, validators=[MinValueValidator(1)]
    )
    min_introductions = models.PositiveSmallIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    run_at = models.DateTimeField(null=True, blank=True)
    sent_on = models.DateField(null=True, blank=True)
    objective = models.DecimalField(max_digits=14, decimal_places=4, null=True, blank=True)
    shortfall = models.PositiveIntegerField(null=True, blank=True)
    optimal = models.BooleanField(null=True, blank=True)
    stable_cost = models.DecimalField(max_digits=14, decimal_places=4, null=True, blank=True)
    # Progress of a run, written as it goes (outside the history: it is not a change of mind).
    progress_stage = models.CharField(max_length=100, blank=True)
    progress_percent = models.PositiveSmallIntegerField(default=0)
    run_error = models.TextField(blank=True)

    class Meta(ProgrammeRecord.Meta):
        ordering = ["-created_at"]

    def __str__(self):
        return self.name

    @property
    def weights(self) -> dict[str, int]:
        return {name: getattr(self, f"weight_{name}") for name in WEIGHT_FIELDS}


# The most introductions one innovator may be given in a round (the round form's limit too).
MOST_PER_INNOVATOR = 50


class RoundInnovatorSetting(DomainModel):
    """One innovator's limits in a round, in place of the round's defaults: at most
    `capacity` introductions (0 leaves it out of the round), and the engine tries to give it
    at least `min_introductions`."""

    round = models.ForeignKey(
        BrokeringRound, on_delete=models.CASCADE, related_name="innovator_settings"
    )
    innovator = models.ForeignKey(
        "directory.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    capacity = models.PositiveSmallIntegerField(validators=[MaxValueValidator(MOST_PER_INNOVATOR)])
    min_introductions = models.PositiveSmallIntegerField(
        validators=[MaxValueValidator(MOST_PER_INNOVATOR)]
    )

    class Meta:
        ordering = ["round", "innovator__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "innovator"], name="round_innovator_setting_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(min_introductions__lte=models.F("capacity")),
                name="round_innovator_setting_min_within_capacity",
            ),
        ]

    def __str__(self):
        return f"{self.innovator} in {self.round}"

    def clean(self):
        if (
            self.capacity is not None
            and self.min_introductions is not None
            and self.min_introductions > self.capacity
        ):
            raise ValidationError({"min_introductions": "The fewest cannot be more than the most."})


class IntroductionStatus(models.TextChoices):
    PROPOSED = "proposed", "Proposed"
    ADDED = "added", "Added by hand"
    REMOVED = "removed", "Removed"
    SENT = "sent", "Sent"
    ACCEPTED = "accepted", "Accepted by both"
    DECLINED = "declined", "Declined"


# Introductions that will go out when the round is sent.
TO_SEND = (IntroductionStatus.PROPOSED, IntroductionStatus.ADDED)
# Introductions that have gone out.
SENT_STATUSES = (IntroductionStatus.SENT, IntroductionStatus.ACCEPTED, IntroductionStatus.DECLINED)


class Response(models.TextChoices):
    PENDING = "pending", "Waiting for a reply"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined"


class Introduction(ProgrammeRecord):
    """A proposed meeting between an innovator and a partner, for a need and an offer."""

    round = models.ForeignKey(
        BrokeringRound, on_delete=models.CASCADE, related_name="introductions"
    )
    innovator = models.ForeignKey(
        "directory.Organisation", on_delete=models.PROTECT, related_name="introductions_sought"
    )
    partner = models.ForeignKey(
        "directory.Organisation", on_delete=models.PROTECT, related_name="introductions_offered"
    )
    need = models.ForeignKey(
        "brokering.Need", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    offer = models.ForeignKey(
        "brokering.Offer", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # Blank for one added by hand: the engine did not score it.
    score = models.DecimalField(max_digits=10, decimal_places=4, null=True, blank=True)
    parts = models.JSONField(default=dict, blank=True)
    reasons = models.TextField(blank=True)
    status = models.CharField(
        max_length=10, choices=IntroductionStatus.choices, default=IntroductionStatus.PROPOSED
    )
    sent_on = models.DateField(null=True, blank=True)
    innovator_response = models.CharField(
        max_length=8, choices=Response.choices, default=Response.PENDING
    )
    innovator_reason = models.TextField(blank=True)
    innovator_responded_on = models.DateField(null=True, blank=True)
    partner_response = models.CharField(
        max_length=8, choices=Response.choices, default=Response.PENDING
    )
    partner_reason = models.TextField(blank=True)
    partner_responded_on = models.DateField(null=True, blank=True)
    partnership = models.OneToOneField(
        "brokering.Partnership",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="introduction",
    )

    class Meta(ProgrammeRecord.Meta):
        ordering = ["-score", "innovator__name", "partner__name"]
        indexes = [models.Index(fields=["round", "status"])]

    def __str__(self):
        return f"{self.innovator} and {self.partner}"

    @property
    def pending(self) -> bool:
        return self.status == IntroductionStatus.SENT

    @property
    def answerable(self) -> bool:
        """Sent, and its partnership has not ended (declined or lapsed) meanwhile."""
        return (
            self.pending
            and self.partnership_id is not None
            and Stage(self.partnership.stage) not in ENDED_STAGES
        )
