"""Creating champion targeting: criteria, then each prospect replayed through the pipeline
(added, scored, moved, committed to its board seat, which the file already holds), with
the engagements logged as contacts with it."""

from partnerbase.champions import services as champions

from ..restore import nested
from .base import file_date as _date


class ChampionSteps:
    def champion_criterion(self, r: dict):
        return champions.criterion_add(
            **self.common(r),
            programme=self.programme,
            name=r["name"],
            weight=r.get("weight", 1),
            position=r.get("position"),
        )

    def champion_prospect(self, r: dict):
        changes = r.get("stage_changes", [])
        first = changes[0] if changes and not changes[0].get("from_stage") else None
        prospect = champions.prospect_add(
            **self.common(r),
            programme=self.programme,
            person=self.ref(r["person"]),
            organisation=self.ref(r["organisation"]),
            notes=r.get("notes", ""),
            added_on=_date(first or r, "changed_on" if first else "stage_changed_on"),
            stage_change_uid=first and first["id"],
            stage_change_illustrative=first and first.get("illustrative", False),
        )
        if first:
            self.pending[first["id"]] = prospect.stage_changes.get()
        scores = {self.ref(s["criterion"]): s["value"] for s in r.get("scores", [])}
        champions.prospect_score(actor=self.actor, prospect=prospect, scores=scores)
        for n, c in enumerate(changes):
            if c is first:
                continue
            with nested(f"stage_changes[{n}]"):
                kw = {**self.common(c), "prospect": prospect, "note": c.get("note", "")}
                if c["to_stage"] == "committed":
                    prospect = champions.prospect_commit_to_seat(
                        **kw,
                        champion=self.ref(r.get("champion")),
                        committed_on=_date(c, "changed_on"),
                    )
                else:
                    prospect = champions.prospect_move(
                        **kw, to_stage=c["to_stage"], changed_on=_date(c, "changed_on")
                    )
                self.pending[c["id"]] = prospect.stage_changes.last()
        for n, c in enumerate(r.get("contacts", [])):
            with nested(f"contacts[{n}]"):
                self.pending[c["id"]] = champions.contact_link(
                    **self.common(c), prospect=prospect, engagement=self.ref(c["engagement"])
                )
        return prospect
