"""A champion prospect replayed through the pipeline: added, scored, moved, committed to
its board seat (which the file already holds), with the engagements logged as contacts."""

from partnerbase.champions import services as champions

from ..restore import nested
from .base import file_date as _date


def champion_prospect(imp, r: dict):
    changes = r.get("stage_changes", [])
    first = changes[0] if changes and not changes[0].get("from_stage") else None
    prospect = champions.prospect_add(
        **imp.common(r),
        programme=imp.programme,
        person=imp.ref(r["person"]),
        organisation=imp.ref(r["organisation"]),
        notes=r.get("notes", ""),
        added_on=_date(first or r, "changed_on" if first else "stage_changed_on"),
        stage_change_uid=first and first["id"],
        stage_change_illustrative=first and first.get("illustrative", False),
    )
    if first:
        imp.pending[first["id"]] = prospect.stage_changes.get()
    scores = {imp.ref(s["criterion"]): s["value"] for s in r.get("scores", [])}
    champions.prospect_score(actor=imp.actor, prospect=prospect, scores=scores)
    for n, c in enumerate(changes):
        if c is first:
            continue
        with nested(f"stage_changes[{n}]"):
            kw = {**imp.common(c), "prospect": prospect, "note": c.get("note", "")}
            if c["to_stage"] == "committed":
                prospect = champions.prospect_commit_to_seat(
                    **kw, champion=imp.ref(r.get("champion")), committed_on=_date(c, "changed_on")
                )
            else:
                prospect = champions.prospect_move(
                    **kw, to_stage=c["to_stage"], changed_on=_date(c, "changed_on")
                )
            imp.pending[c["id"]] = prospect.stage_changes.last()
    for n, c in enumerate(r.get("contacts", [])):
        with nested(f"contacts[{n}]"):
            imp.pending[c["id"]] = champions.contact_link(
                **imp.common(c), prospect=prospect, engagement=imp.ref(c["engagement"])
            )
    return prospect
