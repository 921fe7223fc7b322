"""The IEP demo built once per test process and put back for each test that wants it.

Building the demo through the services takes about ten seconds; copying its rows back takes
a fraction of one. After the first build, every Django table's rows are copied into a
snapshot table beside it (`zz_snap_<table>`, which Django neither knows nor empties), and
the database is emptied again. `restore()` deletes every Django table's rows and copies the
snapshot back, inside one transaction: within a test's transaction (the `db` fixture) it is
rolled back with the test, and after a transactional test the usual flush empties it.

What is restored is exactly what `build_iep()` left in the database; `demo/tests/test_iep.py`
still builds the demo itself to check the build (its determinism, and that nobody is told).
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection, transaction

PREFIX = "zz_snap_"


class Snapshot:
    def __init__(self):
        self.tables = sorted(
            connection.introspection.django_table_names(only_existing=True, include_views=False)
        )
        self.sequences = self._sequences()

    def _quote(self, name: str) -> str:
        return connection.ops.quote_name(name)

    def _sequences(self) -> list[tuple[str, str, str]]:
        """(table, primary key column, sequence) for PostgreSQL's automatic keys. SQLite
        moves its own counter past any key inserted, so it needs none."""
        if connection.vendor != "postgresql":
            return []
        found = []
        with connection.cursor() as cursor:
            for model in apps.get_models(include_auto_created=True):
                meta = model._meta
                if not meta.managed or meta.proxy or meta.db_table not in self.tables:
                    continue
                if meta.pk.get_internal_type() not in {"AutoField", "BigAutoField"}:
                    continue
                cursor.execute(
                    "SELECT pg_get_serial_sequence(%s, %s)", [meta.db_table, meta.pk.column]
                )
                sequence = cursor.fetchone()[0]
                if sequence:
                    found.append((meta.db_table, meta.pk.column, sequence))
        return found

    def take(self) -> None:
        """Copy every table's rows into its snapshot table, then empty the database as a
        transactional test's teardown does."""
        q = self._quote
        with transaction.atomic(), connection.cursor() as cursor:
            for table in self.tables:
                cursor.execute(f"DROP TABLE IF EXISTS {q(PREFIX + table)}")
                cursor.execute(f"CREATE TABLE {q(PREFIX + table)} AS SELECT * FROM {q(table)}")
        call_command("flush", interactive=False, verbosity=0)

    def restore(self) -> None:
        q = self._quote
        with transaction.atomic(), connection.cursor() as cursor:
            # Foreign keys are checked when the transaction ends (Django makes them
            # deferrable on both databases), so the order of the tables does not matter.
            for table in self.tables:
                cursor.execute(f"DELETE FROM {q(table)}")
            for table in self.tables:
                cursor.execute(f"INSERT INTO {q(table)} SELECT * FROM {q(PREFIX + table)}")
            for table, column, sequence in self.sequences:
                # Never move a counter back: a rolled-back test leaves rows above the snapshot's.
                cursor.execute(
                    f"SELECT setval(%s, GREATEST((SELECT COALESCE(MAX({q(column)}), 0) "
                    f"FROM {q(table)}), (SELECT last_value FROM {sequence})))",
                    [sequence],
                )
        # The content types' ids are the snapshot's now, not those the cache remembers.
        ContentType.objects.clear_cache()


def demo_snapshot() -> Snapshot:
    """Build the demo, snapshot it and empty the database (once per test process)."""
    from partnerbase.demo.iep import build_iep

    build_iep()
    snapshot = Snapshot()
    snapshot.take()
    ContentType.objects.clear_cache()
    return snapshot
