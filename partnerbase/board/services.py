from datetime import date

from django.db import transaction

from partnerbase.core.errors import DomainError
from partnerbase.core.history import record_save
from partnerbase.core.services import same_programme

from .models import Champion, ChampionRole


@transaction.atomic
def champion_appoint(
    *,
    actor,
    programme,
    person,
    organisation,
    term_starts_on: date,
    term_ends_on: date | None = None,
    role: str = ChampionRole.MEMBER,
    illustrative: bool = False,
    uid=None,
    reason: str = "Appointed to the board",
) -> Champion:
    """Give `person` a seat on the board for `organisation`; one open seat per person."""
    same_programme(programme, person=person, organisation=organisation)
    if Champion.objects.filter(programme=programme, person=person, term_ends_on=None).exists():
        raise DomainError(f"{person} already has a seat on the board.", field="person")
    champion = Champion(
        programme=programme,
        person=person,
        organisation=organisation,
        term_starts_on=term_starts_on,
        term_ends_on=term_ends_on,
        role=role,
        illustrative=illustrative,
    )
    return record_save(champion, uid=uid, actor=actor, reason=reason)
