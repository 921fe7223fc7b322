from django.db import models

from partnerbase.core.models import ProgrammeRecord


class ChallengeArea(ProgrammeRecord):
    """A problem the partners chose together, e.g. financial inclusion."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80)
    description = models.TextField(blank=True)

    class Meta(ProgrammeRecord.Meta):
        ordering = ["name"]
        constraints = ProgrammeRecord.Meta.constraints + [
            models.UniqueConstraint(fields=["programme", "slug"], name="challenge_slug_unique")
        ]

    def __str__(self):
        return self.name
