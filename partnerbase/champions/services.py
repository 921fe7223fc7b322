"""Writes for champion targeting; each saves through record_save, so history says who,
when and why. Pipeline rules are in stages.py, scoring rules in ranking.py."""

from collections.abc import Iterable, Mapping
from datetime import date

from django.db import transaction

from partnerbase.board.models import ChampionRole
from partnerbase.board.services import champion_appoint
from partnerbase.core.errors import DomainError
from partnerbase.core.history import record_delete, record_save
from partnerbase.core.services import same_programme
from partnerbase.core.versions import check_rows_current
from partnerbase.directory import services as directory

from .models import Contact, Criterion, Prospect, Score, Stage, StageChange
from .ranking import DEFAULT_CRITERIA, SCORE_MAX, SCORE_MIN, InvalidWeights, check_weights
from .stages import InvalidMove, check_move


@transaction.atomic
def criterion_add(
    *,
    actor,
    programme,
    name: str,
    weight: int = 1,
    position: int | None = None,
    keep_defaults: bool = False,
    illustrative: bool = False,
    uid=None,
) -> Criterion:
    """Add a criterion. With `keep_defaults` (the team's page), one added before the
    programme has saved any joins the defaults the team was shown (queries.criteria_shown);
    the importer and the demo give every criterion themselves."""
    if keep_defaults:
        criteria_ensure(actor=actor, programme=programme)
    name = name.strip()
    if not name:
        raise DomainError("Enter the criterion's name.", field="name")
    if Criterion.objects.filter(programme=programme, name__iexact=name).exists():
        raise DomainError(f"There is already a criterion called “{name}”.", field="name")
    if position is None:
        position = Criterion.objects.filter(programme=programme).count()
    criterion = Criterion(
        programme=programme,
        name=name,
        weight=weight,
        position=position,
        illustrative=illustrative,
    )
    return record_save(criterion, uid=uid, actor=actor, reason="Criterion added")


@transaction.atomic
def criteria_ensure(*, actor, programme) -> list[Criterion]:
    """The programme's criteria, saving the four DESIGN.md names, equally weighted, if it
    has none (a write: pages show queries.criteria_shown instead)."""
    existing = list(Criterion.objects.filter(programme=programme))
    if existing:
        return existing
    return [
        criterion_add(actor=actor, programme=programme, name=name, weight=weight)
        for name, weight in DEFAULT_CRITERIA
    ]


# A value per criterion: a mapping, or (criterion, value) pairs when the criteria are the
# unsaved defaults (queries.criteria_shown), which cannot be dictionary keys.
PerCriterion = Mapping[Criterion, object] | Iterable[tuple[Criterion, object]]


def _defaults_saved(*, actor, programme, given: PerCriterion) -> dict:
    """`given`, keyed by saved criteria: the defaults shown unsaved before the programme
    had any (queries.criteria_shown) are saved by the team's first save."""
    pairs = list(given.items() if isinstance(given, Mapping) else given)
    if all(c.pk is not None for c, _ in pairs):
        return dict(pairs)
    saved = {c.name: c for c in criteria_ensure(actor=actor, programme=programme)}
    if any(c.pk is None and c.name not in saved for c, _ in pairs):
        raise DomainError("The criteria have changed since the page was opened: try again.")
    return {(c if c.pk is not None else saved[c.name]): value for c, value in pairs}


@transaction.atomic
def weights_set(
    *,
    actor,
    programme,
    weights: PerCriterion,
    names: PerCriterion | None = None,
    version: str = "",
) -> list[Criterion]:
    """Set every criterion's weight (and, if given, rename it) at once: all or nothing;
    refused if someone changed the criteria since the form carrying `version` was opened
    (queries.weights_version)."""
    check_rows_current(
        Criterion, {"programme": programme}, version, what="the weights", actor=actor
    )
    weights = _defaults_saved(actor=actor, programme=programme, given=weights)
    names = _defaults_saved(actor=actor, programme=programme, given=names or {})
    criteria = list(Criterion.objects.filter(programme=programme))
    given = {c.pk: w for c, w in weights.items()}
    if set(given) != {c.pk for c in criteria}:
        raise DomainError("Give a weight for every criterion.")
    try:
        check_weights(given.values())
    except InvalidWeights as exc:
        raise DomainError(str(exc), field="weights") from None
    new_names = {c.pk: n.strip() for c, n in names.items() if n and n.strip()}
    seen = {}
    for c in criteria:
        name = new_names.get(c.pk, c.name).casefold()
        if name in seen:
            raise DomainError(f"Two criteria cannot both be called “{name}”.", field="names")
        seen[name] = c
    for c in criteria:
        name = new_names.get(c.pk, c.name)
        if c.weight != given[c.pk] or c.name != name:
            c.weight, c.name = given[c.pk], name
            record_save(c, actor=actor, reason="Weights set")
    return criteria


@transaction.atomic
def prospect_add(
    *,
    actor,
    programme,
    added_on: date,
    organisation=None,
    organisation_name: str = "",
    organisation_kind: str = "business",
    person=None,
    person_name: str = "",
    job_title: str = "",
    notes: str = "",
    illustrative: bool = False,
    uid=None,
    stage_change_uid=None,
    stage_change_illustrative: bool | None = None,
) -> Prospect:
    """Put a person on the long list: an existing person or organisation, or new ones."""
    same_programme(programme, organisation=organisation, person=person)
    if organisation is None:
        if person is not None and person.organisation is not None:
            organisation = person.organisation
        elif organisation_name.strip():
            organisation = directory.organisation_create(
                actor=actor,
                programme=programme,
                name=organisation_name,
                kind=organisation_kind,
                illustrative=illustrative,
            )
        else:
            raise DomainError(
                "Choose the organisation or enter a new organisation's name.", field="organisation"
            )
    if person is None:
        if not person_name.strip():
            raise DomainError("Choose the person or enter a new person's name.", field="person")
        person = directory.person_create(
            actor=actor,
            programme=programme,
            name=person_name,
            job_title=job_title,
            organisation=organisation,
            illustrative=illustrative,
        )
    if Prospect.objects.filter(programme=programme, person=person).exists():
        raise DomainError(f"{person} is already a prospect.", field="person")
    prospect = Prospect(
        programme=programme,
        person=person,
        organisation=organisation,
        notes=notes,
        stage=Stage.LONG_LIST,
        stage_changed_on=added_on,
        illustrative=illustrative,
    )
    record_save(prospect, uid=uid, actor=actor, reason="Added to the long list")
    if stage_change_illustrative is None:
        stage_change_illustrative = illustrative
    change = StageChange(
        prospect=prospect,
        to_stage=Stage.LONG_LIST,
        changed_on=added_on,
        illustrative=stage_change_illustrative,
    )
    record_save(change, uid=stage_change_uid, actor=actor, reason="Added to the long list")
    return prospect


@transaction.atomic
def prospect_score(*, actor, prospect: Prospect, scores: PerCriterion, version: str = ""):
    """Set the prospect's score on each criterion given; None clears a score. Refused if
    someone changed the prospect's scores since the form carrying `version` was opened
    (queries.scores_version)."""
    check_rows_current(Score, {"prospect": prospect}, version, what="the scores", actor=actor)
    scores = _defaults_saved(actor=actor, programme=prospect.programme, given=scores)
    for criterion, value in scores.items():
        same_programme(prospect.programme, criterion=criterion)
        if value is not None and not SCORE_MIN <= value <= SCORE_MAX:
            raise DomainError(
                f"{criterion}: the score must be a whole number from {SCORE_MIN} to {SCORE_MAX}.",
                field=f"criterion_{criterion.pk}",
            )
        row = Score.objects.filter(prospect=prospect, criterion=criterion).first()
        if value is None:
            if row is not None:
                record_delete(row, actor=actor, reason="Score cleared")
        elif row is None:
            record_save(
                Score(prospect=prospect, criterion=criterion, value=value),
                actor=actor,
                reason="Scored",
            )
        elif row.value != value:
            row.value = value
            record_save(row, actor=actor, reason="Score changed")
    return prospect


def _move(*, actor, prospect, to_stage, changed_on, note, uid, illustrative):
    try:
        check_move(prospect.stage, to_stage)
    except InvalidMove as exc:
        raise DomainError(str(exc), field="to_stage") from None
    if changed_on < prospect.stage_changed_on:
        raise DomainError(
            f"The date must be on or after the last move, {prospect.stage_changed_on:%-d %B %Y}.",
            field="changed_on",
        )
    change = StageChange(
        prospect=prospect,
        from_stage=prospect.stage,
        to_stage=to_stage,
        changed_on=changed_on,
        note=note,
        illustrative=illustrative,
    )
    record_save(change, uid=uid, actor=actor, reason="Stage changed")
    prospect.stage, prospect.stage_changed_on = to_stage, changed_on
    label = Stage(to_stage).label.lower()
    return record_save(prospect, actor=actor, reason=f"Moved to {label}")


@transaction.atomic
def prospect_move(
    *,
    actor,
    prospect: Prospect,
    to_stage: str,
    changed_on: date,
    note: str = "",
    illustrative: bool = False,
    uid=None,
) -> Prospect:
    """Move the prospect along the pipeline; committing goes through prospect_commit."""
    if to_stage == Stage.COMMITTED and prospect.stage != Stage.COMMITTED:
        raise DomainError(
            "A prospect commits by taking a board seat: use “Commit to the board”.",
            field="to_stage",
        )
    return _move(
        actor=actor,
        prospect=prospect,
        to_stage=to_stage,
        changed_on=changed_on,
        note=note,
        uid=uid,
        illustrative=illustrative,
    )


@transaction.atomic
def prospect_commit(
    *,
    actor,
    prospect: Prospect,
    term_starts_on: date,
    committed_on: date | None = None,
    role: str = ChampionRole.MEMBER,
    note: str = "",
    illustrative: bool = False,
    champion_uid=None,
    stage_change_uid=None,
):
    """Move the prospect to committed and give them a board seat, in one transaction."""
    committed_on = committed_on or term_starts_on
    _move(
        actor=actor,
        prospect=prospect,
        to_stage=Stage.COMMITTED,
        changed_on=committed_on,
        note=note,
        uid=stage_change_uid,
        illustrative=illustrative,
    )
    champion = champion_appoint(
        actor=actor,
        programme=prospect.programme,
        person=prospect.person,
        organisation=prospect.organisation,
        term_starts_on=term_starts_on,
        role=role,
        illustrative=illustrative,
        uid=champion_uid,
        reason="Committed as a champion",
    )
    prospect.champion = champion
    record_save(prospect, actor=actor, reason="Took a seat on the board")
    return champion


@transaction.atomic
def prospect_commit_to_seat(
    *,
    actor,
    prospect: Prospect,
    champion,
    committed_on: date,
    note: str = "",
    illustrative: bool = False,
    uid=None,
) -> Prospect:
    """Commit the prospect to a board seat that already exists: the importer's path, where
    the board's seats arrive before the prospects."""
    if champion is None:
        raise DomainError("A committed prospect needs the board seat they took.", field="champion")
    same_programme(prospect.programme, champion=champion)
    if champion.person_id != prospect.person_id:
        raise DomainError("The board seat is another person's.", field="champion")
    _move(
        actor=actor,
        prospect=prospect,
        to_stage=Stage.COMMITTED,
        changed_on=committed_on,
        note=note,
        uid=uid,
        illustrative=illustrative,
    )
    prospect.champion = champion
    return record_save(prospect, actor=actor, reason="Took a seat on the board")


@transaction.atomic
def contact_log(
    *,
    actor,
    prospect: Prospect,
    kind: str,
    occurred_on: date,
    summary: str,
    notes: str = "",
    illustrative: bool = False,
    uid=None,
    engagement_uid=None,
) -> Contact:
    """Log a contact with the prospect: an engagement with their organisation, which counts
    toward "organisations engaged", linked to the prospect."""
    engagement = directory.engagement_record(
        actor=actor,
        programme=prospect.programme,
        organisation=prospect.organisation,
        kind=kind,
        occurred_on=occurred_on,
        summary=summary,
        notes=notes,
        participants=[prospect.person],
        illustrative=illustrative,
        uid=engagement_uid,
    )
    return contact_link(
        actor=actor, prospect=prospect, engagement=engagement, uid=uid, illustrative=illustrative
    )


@transaction.atomic
def contact_link(*, actor, prospect, engagement, illustrative=False, uid=None) -> Contact:
    """Link an engagement already recorded to the prospect (also the importer's path)."""
    same_programme(prospect.programme, engagement=engagement)
    if engagement.organisation_id != prospect.organisation_id:
        raise DomainError("The engagement is with another organisation.", field="engagement")
    contact = Contact(prospect=prospect, engagement=engagement, illustrative=illustrative)
    return record_save(contact, uid=uid, actor=actor, reason="Contact logged")


def prospect_dependents(prospect: Prospect) -> str:
    """Why the prospect cannot be removed ("" when nothing depends on them)."""
    seat = prospect.champion
    if seat is None:
        return ""
    return (
        f"Cannot remove: {prospect.person} took a seat on the board as this prospect "
        f"({seat.get_role_display().lower()} from {seat.term_starts_on:%-d %B %Y}). The seat "
        "keeps its record: end its term on the board page instead."
    )


@transaction.atomic
def prospect_remove(*, actor, prospect: Prospect) -> None:
    """Take a prospect off the list. Their scores, stage changes and contact links go with
    them (history keeps each); the person and the engagements logged stay in the directory.
    A prospect who took a board seat is refused: the seat came from them."""
    refusal = prospect_dependents(prospect)
    if refusal:
        raise DomainError(refusal)
    rows = [*prospect.scores.all(), *prospect.stage_changes.all(), *prospect.contacts.all()]
    for row in rows:
        record_delete(row, actor=actor, reason="Prospect removed from the list")
    record_delete(prospect, actor=actor, reason="Removed from the list")
