"""Where a job's pulse goes on SQLite (see pulse.py): a small JSON file per job under
`JOB_PULSE_DIR`, replaced whole so a reader never sees half of one."""

import hashlib
import json
import os
import threading
from datetime import datetime
from pathlib import Path

from django.conf import settings


def pulse_path(database: str, job_id: int) -> Path:
    """The job's file; the database's name is in it, so two databases' job 12 (the test
    suite's workers, two installations) never share one."""
    tag = hashlib.sha256(str(database).encode()).hexdigest()[:12]
    return Path(settings.JOB_PULSE_DIR) / f"{tag}-{job_id}.json"


def pulse_file_write(path: Path, state: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    partial.write_text(json.dumps({**state, "heartbeat_at": state["heartbeat_at"].isoformat()}))
    os.replace(partial, path)


def pulse_file_read(path: Path) -> dict | None:
    """The file's values (heartbeat_at as a datetime), or None when there is none."""
    try:
        state = json.loads(path.read_text())
        state["heartbeat_at"] = datetime.fromisoformat(state["heartbeat_at"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return state
