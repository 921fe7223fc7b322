"""Delete a whole programme, its records first; history keeps a deletion row for each."""

from django.apps import apps
from django.db import transaction
from django.db.models import ProtectedError

from partnerbase.core.models import ProgrammeRecord

from .models import Programme


@transaction.atomic
def programme_delete(*, actor, programme: Programme) -> None:
    """Records protect each other (an organisation with awards cannot go first), so delete
    each kind in turn and retry the protected ones once what protects them is gone."""
    pending = [m for m in apps.get_models() if issubclass(m, ProgrammeRecord)]
    while pending:
        blocked = []
        for model in pending:
            try:
                with transaction.atomic():
                    model.objects.filter(programme=programme).delete()
            except ProtectedError:
                blocked.append(model)
        if len(blocked) == len(pending):
            raise RuntimeError(f"Cannot delete {programme}: {blocked} protect each other")
        pending = blocked
    programme._history_user = actor
    programme.delete()
