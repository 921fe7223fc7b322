"""Champion targeting: the scoring criteria and the prospects, each with its scores, its
dated stage changes and the engagements logged as contacts with it (format 1.3)."""

from partnerbase.champions.models import Criterion, Prospect
from partnerbase.programmes.models import Programme

from ..format import date_text, id_text, sorted_by_id


def champion_criteria(p: Programme) -> list[dict]:
    return sorted_by_id(
        {
            "id": str(c.uid),
            "name": c.name,
            "weight": c.weight,
            "position": c.position,
            "illustrative": c.illustrative,
        }
        for c in Criterion.objects.filter(programme=p)
    )


def champion_prospects(p: Programme) -> list[dict]:
    rows = (
        Prospect.objects.filter(programme=p)
        .select_related("person", "organisation", "champion")
        .prefetch_related("scores__criterion", "stage_changes", "contacts__engagement")
    )
    return sorted_by_id(
        {
            "id": str(r.uid),
            "person": id_text(r.person),
            "organisation": id_text(r.organisation),
            "notes": r.notes,
            "stage": r.stage,
            "stage_changed_on": date_text(r.stage_changed_on),
            "champion": id_text(r.champion),
            "scores": sorted(
                ({"criterion": id_text(s.criterion), "value": s.value} for s in r.scores.all()),
                key=lambda s: s["criterion"],
            ),
            # In the order they happened: the importer replays them through the pipeline.
            "stage_changes": [
                {
                    "id": str(c.uid),
                    "from_stage": c.from_stage or None,
                    "to_stage": c.to_stage,
                    "changed_on": date_text(c.changed_on),
                    "note": c.note,
                    "illustrative": c.illustrative,
                }
                for c in r.stage_changes.all()
            ],
            "contacts": sorted_by_id(
                {
                    "id": str(c.uid),
                    "engagement": id_text(c.engagement),
                    "illustrative": c.illustrative,
                }
                for c in r.contacts.all()
            ),
            "illustrative": r.illustrative,
        }
        for r in rows
    )
