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
