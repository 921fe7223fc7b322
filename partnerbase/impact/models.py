from django.db import models

from partnerbase.core.models import ProgrammeRecord


class Figure(models.TextChoices):
    """The headline figures; each has one definition in `impact/figures.py`."""

    ORGANISATIONS_ENGAGED = "organisations_engaged", "Organisations engaged"
    NEW_PROJECTS = "new_projects", "New projects"
    INNOVATORS_SUPPORTED = "innovators_supported", "Innovators supported"
    ADDITIONAL_FUNDING = "additional_funding", "Additional funding"
    PARTNERSHIPS_CONFIRMED = "partnerships_confirmed", "Partnerships confirmed"
    ESTIMATED_PARTNERSHIP_VALUE = "estimated_partnership_value", "Estimated partnership value"


class Target(ProgrammeRecord):
    """What the programme set out to achieve for one figure; money in the reference currency."""

    figure = models.CharField(max_length=40, choices=Figure.choices)
    value = models.DecimalField(max_digits=18, decimal_places=2)
    set_on = models.DateField(null=True, blank=True)
    notes = models.TextField(blank=True)

    class Meta(ProgrammeRecord.Meta):
        ordering = ["figure"]
        constraints = ProgrammeRecord.Meta.constraints + [
            models.UniqueConstraint(fields=["programme", "figure"], name="target_unique")
        ]

    def __str__(self):
        return f"{self.get_figure_display()}: {self.value}"


class FiguresVersion(models.Model):
    """How many times the records behind a programme's headline figures have changed since
    it began: a kept figure set computed at a lower number is stale (impact/kept.py).

    Bookkeeping, not a domain record: no history, no uid, not exported."""

    programme = models.OneToOneField(
        "programmes.Programme", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    number = models.PositiveBigIntegerField(default=0)

    def __str__(self):
        return f"Figures of {self.programme_id}: version {self.number}"


class KeptFigureSet(models.Model):
    """The headline figures of a programme and period as last computed, so the dashboard
    and the public page read them rather than recompute them on each request.

    Derived data, not a domain record: it keeps no history (the records it is computed
    from keep theirs, and `partnerbase figures verify` recomputes it from them) and is
    neither exported nor imported."""

    programme = models.ForeignKey(
        "programmes.Programme", on_delete=models.CASCADE, related_name="+"
    )
    starts_on = models.DateField()
    ends_on = models.DateField()
    # impact.kept.figure_set_json: values, targets, statuses, displays, display rates.
    figures = models.JSONField()
    computed_at = models.DateTimeField()
    # The programme's FiguresVersion.number when the figures were computed.
    version = models.PositiveBigIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "starts_on", "ends_on"], name="kept_figure_set_unique"
            )
        ]

    def __str__(self):
        return f"Figures of {self.programme_id} from {self.starts_on} to {self.ends_on}"
