"""One specification per array of the interchange file, in the file's order.

Each says the model and its scope in the programme, the fields (in the file's key order)
with how each is written and read, the references to other arrays by the file's ids, and
what creates a record on import: the service (with each field's keyword), or a hook in
importer/ where a record is replayed through several services. The file's arrays, the
export, the import and its order, the reference checks and the schema's test all derive
from this list (docs/interchange.md, "Adding an array"). One module per part of
Partnerbase, each in the file's order.
"""

from . import accelerator, brokering, competitions, funding, governance, groups, programme
from .programme import PROGRAMME

SPECS = [
    *programme.SPECS,
    *governance.SPECS,
    *accelerator.SPECS,
    *funding.SPECS,
    *groups.SPECS,
    *brokering.SPECS,
    *competitions.SPECS,
]

__all__ = ["PROGRAMME", "SPECS"]
