#!/usr/bin/env python
"""A national-size interchange file from the 10,000-organisation one, without figures.py's
100,000-organisation database (whose migration and export take longer than a session on a
loaded machine):

    python benchmarks/interchange_national.py var/bench/interchange-o10000.json OUT.json

Its organisations, engagements, partnerships, funding awards, needs, offers and
introductions ten times over (1,491,572 records), each copy with its own ids: copy k puts
another digit at the UUID's version position, so no copy's id is another's.
"""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from partnerbase.interchange.reading import StreamedArray, programme_file_read  # noqa: E402

src, out = sys.argv[1], sys.argv[2]
COPIED = [
    "organisations",
    "engagements",
    "partnerships",
    "funding_awards",
    "needs",
    "offers",
    "introductions",
]
doc = programme_file_read(src, held=0)
ids = set()
for a in COPIED:
    for r in doc[a]:
        ids.add(r["id"])
        gd = r.get("grant_details")
        if isinstance(gd, dict):
            ids.add(gd["id"])
assert all(i[14] == "4" for i in ids)


def remap(value, k):
    if isinstance(value, str):
        # uuid4: position 14 is "4"; copy k puts another digit there
        return (value[:14] + "012356789a"[k] + value[15:]) if k and value in ids else value
    if isinstance(value, list):
        return [remap(v, k) for v in value]
    if isinstance(value, dict):
        return {key: remap(v, k) for key, v in value.items()}
    return value


with open(out, "w", encoding="utf-8") as f:
    f.write("{\n")
    first = True
    for key, value in doc.items():
        f.write(("" if first else ",\n") + json.dumps(key) + ": ")
        first = False
        if isinstance(value, StreamedArray) or isinstance(value, list):
            f.write("[")
            n = 0
            copies = range(10) if key in COPIED else [None]
            for k in copies:
                for r in value:
                    if k is not None:
                        r = remap(r, k)
                    f.write(("\n" if n == 0 else ",\n") + json.dumps(r, ensure_ascii=False))
                    n += 1
            f.write("]")
        else:
            f.write(json.dumps(value, ensure_ascii=False))
    f.write("\n}\n")
