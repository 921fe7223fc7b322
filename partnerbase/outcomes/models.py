from django.db import models

from partnerbase.core.models import DomainModel, ProgrammeRecord
from partnerbase.projects.models import ObservationQuality


class OutcomeKind(models.TextChoices):
    PEOPLE_REACHED = "people_reached", "People reached"
    PARTICIPANTS_SERVED = "participants_served", "Participants served"
    YOUNG_PEOPLE_INTO_WORK = "young_people_into_work", "Young people into work"
    CITIES = "cities", "Cities operating in"
    REVENUE = "revenue", "Revenue"
    OTHER = "other", "Other"


# The unit each kind is counted in; revenue's unit is its currency.
KIND_UNITS = {
    OutcomeKind.PEOPLE_REACHED: "people",
    OutcomeKind.PARTICIPANTS_SERVED: "participants",
    OutcomeKind.YOUNG_PEOPLE_INTO_WORK: "young people",
    OutcomeKind.CITIES: "cities",
    OutcomeKind.REVENUE: "GBP",
}


class OutcomeIndicator(ProgrammeRecord):
    """Something an innovator measures about its own work, e.g. young people into work."""

    organisation = models.ForeignKey(
        "directory.Organisation", on_delete=models.CASCADE, related_name="outcome_indicators"
    )
    kind = models.CharField(max_length=24, choices=OutcomeKind.choices)
    name = models.CharField(max_length=200)
    unit = models.CharField(max_length=60, help_text="For example: people, cities, GBP.")

    class Meta(ProgrammeRecord.Meta):
        ordering = ["organisation__name", "kind", "name"]
        constraints = ProgrammeRecord.Meta.constraints + [
            models.UniqueConstraint(
                fields=["organisation", "name"], name="outcome_indicator_unique"
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.unit})"


class OutcomeObservation(DomainModel):
    """A dated value of an indicator: an estimate, or verified against its evidence."""

    indicator = models.ForeignKey(
        OutcomeIndicator, on_delete=models.CASCADE, related_name="observations"
    )
    observed_on = models.DateField()
    value = models.DecimalField(max_digits=18, decimal_places=4)
    quality = models.CharField(max_length=8, choices=ObservationQuality.choices)
    evidence = models.TextField(blank=True)
    evidence_url = models.URLField(blank=True)

    class Meta:
        ordering = ["-observed_on", "-id"]
        indexes = [models.Index(fields=["indicator", "observed_on"])]

    def __str__(self):
        return f"{self.indicator.name}: {self.value} on {self.observed_on}"
