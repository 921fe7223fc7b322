from django.db import models

from partnerbase.core.models import ProgrammeRecord


class Story(ProgrammeRecord):
    """An innovator the team chose to tell the story of: the paragraph is written from the
    records each time (`writing.py`); the team adds a sentence of its own and publishes it."""

    organisation = models.ForeignKey(
        "directory.Organisation", on_delete=models.PROTECT, related_name="stories"
    )
    # The order the stories are told in, lowest first.
    position = models.PositiveIntegerField(default=0)
    own_sentence = models.TextField(blank=True, max_length=600)
    published = models.BooleanField(default=False)

    class Meta(ProgrammeRecord.Meta):
        ordering = ["position", "id"]
        verbose_name_plural = "stories"
        constraints = ProgrammeRecord.Meta.constraints + [
            models.UniqueConstraint(fields=["programme", "organisation"], name="story_unique")
        ]

    def __str__(self):
        return f"{self.organisation}'s story"
