"""Innovators' stories: whom the team chose, in what order, its own sentence and whether
it is published (format 1.5). The paragraphs are written from the records, so not kept."""

from partnerbase.programmes.models import Programme
from partnerbase.stories.models import Story

from ..format import id_text, sorted_by_id


def stories(p: Programme) -> list[dict]:
    rows = Story.objects.filter(programme=p).select_related("organisation")
    return sorted_by_id(
        {
            "id": str(s.uid),
            "organisation": id_text(s.organisation),
            "position": s.position,
            "own_sentence": s.own_sentence,
            "published": s.published,
            "illustrative": s.illustrative,
        }
        for s in rows
    )
