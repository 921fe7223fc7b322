"""Champion targeting for the small programme (format 1.3): the default criteria reweighted
and one renamed, a prospect committed to the board with a contact logged, a new person who
declined after a meeting and was put back on the long list, and one never scored."""

from datetime import date

from partnerbase.champions import services as champions


def champion_records(actor, p, o) -> None:
    criteria = champions.criteria_ensure(actor=actor, programme=p)
    champions.weights_set(
        actor=actor,
        programme=p,
        weights=dict(zip(criteria, [3, 1, 0, 2], strict=True)),
        names={criteria[3]: "Social “purpose”"},
    )
    champions.criterion_add(actor=actor, programme=p, name="Regions", weight=1, illustrative=True)
    committed = champions.prospect_add(
        actor=actor,
        programme=p,
        organisation=o["bank"],
        person_name="Bea Banker",
        job_title="Chief executive",
        notes="Met at the launch",
        added_on=date(2017, 9, 4),
    )
    champions.prospect_score(
        actor=actor, prospect=committed, scores=dict(zip(criteria, [5, 4, 3, 0], strict=True))
    )
    for stage, on in [
        ("targeted", date(2017, 9, 5)),
        ("meeting_arranged", date(2017, 9, 6)),
        ("met", date(2017, 9, 6)),
    ]:
        committed = champions.prospect_move(
            actor=actor, prospect=committed, to_stage=stage, changed_on=on, note=f"To {stage}"
        )
    champions.contact_log(
        actor=actor,
        prospect=committed,
        kind="meeting",
        occurred_on=date(2017, 9, 6),
        summary="Breakfast",
        notes="Keen",
        illustrative=True,
    )
    champions.prospect_commit(
        actor=actor,
        prospect=committed,
        term_starts_on=date(2017, 10, 2),
        committed_on=date(2017, 9, 30),
        role="chair",
    )
    declined = champions.prospect_add(
        actor=actor,
        programme=p,
        organisation_name="Big Retail plc",
        person_name="Rex Retail",
        added_on=date(2017, 9, 4),
        illustrative=True,
    )
    champions.prospect_score(actor=actor, prospect=declined, scores={criteria[0]: 2})
    for stage, on in [
        ("targeted", date(2017, 9, 8)),
        ("declined", date(2017, 9, 20)),
        ("long_list", date(2018, 1, 8)),
    ]:
        declined = champions.prospect_move(
            actor=actor, prospect=declined, to_stage=stage, changed_on=on
        )
    champions.prospect_add(
        actor=actor,
        programme=p,
        organisation=o["unltd"],
        person_name="Una",
        added_on=date(2017, 9, 5),
    )
