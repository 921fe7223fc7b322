"""Stable ids for the demo's records, so every build gives the same database and export."""

import uuid

NAMESPACE = uuid.UUID("5f2c6a4e-7d7b-4b7e-9a53-2f1e0c1e2017")
DEMO_PASSWORD = "demo"


def uid(*parts: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, "/".join(parts))
