#!/usr/bin/env python
"""Time subject access exports and erasures on the IEP demo, and count their queries.

    DATABASE_URL=sqlite:///var/bench/privacy.sqlite3 python benchmarks/personal_data.py

Builds the demo in the database named by DATABASE_URL if it holds no programme yet (a file
under var/bench/ by default), then for each demo account exports its data
(`personal_data`, administrator's scope) and erases it (`person_erase`), the erasure rolled
back so every row starts from the same data. Prints one table.
"""

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT = ROOT / "var" / "bench" / "privacy.sqlite3"


class Rollback(Exception):
    pass


def main():
    if "DATABASE_URL" not in os.environ:
        DEFAULT.parent.mkdir(parents=True, exist_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{DEFAULT}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partnerbase.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    from partnerbase.demo.iep import DEMO_USERS, build_iep
    from partnerbase.privacy.services import person_erase
    from partnerbase.privacy.subject import personal_data, subject_find
    from partnerbase.programmes.models import Programme

    call_command("migrate", interactive=False, verbosity=0)
    if not Programme.objects.exists():
        build_iep()
    tables = len(connection.introspection.table_names())
    print(f"database: {connection.vendor}, {tables} tables")
    print(
        f"{'person':<28}{'records':>8}{'history':>8}{'export ms':>11}{'queries':>9}"
        f"{'erase ms':>10}{'queries':>9}{'rows changed':>14}"
    )
    for email, *_ in DEMO_USERS:
        subject = subject_find(email=email)
        start = time.perf_counter()
        with CaptureQueriesContext(connection) as exported:
            data = personal_data(subject=subject, scope=None)
        export_ms = (time.perf_counter() - start) * 1000
        counts, erase_ms, erased = {}, None, None
        try:
            with transaction.atomic():
                start = time.perf_counter()
                with CaptureQueriesContext(connection) as erased:
                    action = person_erase(subject=subject, actor=None, scope=None, reason="bench")
                erase_ms = (time.perf_counter() - start) * 1000
                counts = action.counts
                raise Rollback
        except Rollback:
            pass
        except Exception as exc:  # a refusal (the only team member): say so in the row
            print(
                f"{email:<28}{len(data['records']):>8}{len(data['history']):>8}"
                f"{export_ms:>11.0f}{len(exported):>9}   refused: {exc}"
            )
            continue
        changed = sum(v for k, v in counts.items() if k != "sessions ended")
        print(
            f"{email:<28}{len(data['records']):>8}{len(data['history']):>8}"
            f"{export_ms:>11.0f}{len(exported):>9}{erase_ms:>10.0f}{len(erased):>9}"
            f"{changed:>14}"
        )


if __name__ == "__main__":
    main()
