from django.db import transaction
from django.utils.text import slugify

from partnerbase.core.history import record_save

from .models import ChallengeArea


@transaction.atomic
def challenge_area_create(
    *,
    actor,
    programme,
    name: str,
    description: str = "",
    slug: str = "",
    illustrative: bool = False,
    uid=None,
) -> ChallengeArea:
    area = ChallengeArea(
        programme=programme,
        name=name,
        slug=slug or slugify(name),
        description=description,
        illustrative=illustrative,
    )
    return record_save(area, uid=uid, actor=actor, reason="Challenge area created")
