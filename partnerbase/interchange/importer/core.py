"""Creating the programme, and partnerships replayed through their pipeline."""

from partnerbase.programmes.models import Programme

from ..restore import partnership_path, partnership_replay
from ..spec import PROGRAMME, by_name
from .generic import create


def programme(imp, r: dict) -> Programme:
    # A second copy of a programme in one database gets its own id.
    taken = Programme.objects.filter(uid=r["id"]).exists()
    return create(imp, PROGRAMME, r, uid=None if taken else r["id"], slug=imp.slug or r["slug"])


def partnership(imp, r: dict):
    steps = partnership_path(r)
    made = create(imp, by_name("partnerships"), r)
    return partnership_replay(actor=imp.actor, partnership=made, record=r, steps=steps)
