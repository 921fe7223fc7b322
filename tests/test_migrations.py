"""The migrations build the schema the models describe.

The test databases are made from the models directly (pytest's `--no-migrations`, in
pyproject.toml): running the 100-odd migrations cost each test process about 35 s of CPU,
every run. This test runs them once, as `partnerbase migrate` does for an installation,
into a database of their own, and compares what they built with the test database: the
same tables, each with the same columns (type, null) and the same constraints and indexes
(columns, kind, and the name where the models give one).
"""

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.apps import apps
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.django_db


def schema(conn) -> dict:
    """Every table's columns and constraints, as comparable values (names left out where
    the database makes them up: SQLite's foreign keys, say)."""
    tables = {}
    with conn.cursor() as cursor:
        introspection = conn.introspection
        # Our apps' tables only: a test may make one of its own in the test database, and
        # Django's and other packages' migrations are theirs (Django's auth migrations leave
        # a group's permissions' id an integer on PostgreSQL where its model says bigint).
        ours = {
            model._meta.db_table
            for model in apps.get_models(include_auto_created=True)
            if model.__module__.startswith("partnerbase.")
        }
        for info in introspection.get_table_list(cursor):
            if info.type != "t" or info.name not in ours:
                continue
            columns = {
                c.name: (c.type_code, c.null_ok)
                for c in introspection.get_table_description(cursor, info.name)
            }
            constraints = set()
            for name, c in introspection.get_constraints(cursor, info.name).items():
                made_up = name.startswith(("__", "fk_", "sqlite_autoindex"))
                constraints.add(
                    (
                        None if made_up or c["primary_key"] else name,
                        tuple(c["columns"] or ()),
                        bool(c["primary_key"]),
                        bool(c["unique"]),
                        tuple(c["foreign_key"] or ()),
                        bool(c["check"]),
                        bool(c["index"]),
                    )
                )
            tables[info.name] = {"columns": columns, "constraints": constraints}
    return tables


def _migrated(url: str) -> dict:
    """Migrate the database at `url` in a process of its own (as an installation does) and
    describe what the migrations built."""
    env = {**os.environ, "DATABASE_URL": url, "PARTNERBASE_ENV": "development"}
    done = subprocess.run(
        [sys.executable, "-m", "tests.test_migrations"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _json(tables: dict) -> dict:
    """The schema as JSON gives it back: lists for tuples and sets, in order."""
    return json.loads(
        json.dumps(
            {
                table: {
                    "columns": parts["columns"],
                    "constraints": sorted(parts["constraints"], key=repr),
                }
                for table, parts in tables.items()
            }
        )
    )


def test_the_migrations_build_the_schema_the_models_describe(tmp_path):
    ours = connection.settings_dict
    if connection.vendor == "sqlite":
        built = _migrated(f"sqlite:///{tmp_path / 'migrated.sqlite3'}")
    else:
        name = f"{ours['NAME']}_migrated_{uuid.uuid4().hex[:8]}"
        with connection._nodb_cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{name}"')
        user, password = ours["USER"], ours["PASSWORD"]
        host, port = ours["HOST"] or "localhost", ours["PORT"] or 5432
        try:
            built = _migrated(f"postgres://{user}:{password}@{host}:{port}/{name}")
        finally:
            with connection._nodb_cursor() as cursor:
                cursor.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
    described = _json(schema(connection))

    assert sorted(built) == sorted(described), "the same tables"
    differ = []
    for table in sorted(described):
        for part in ("columns", "constraints"):
            if built[table][part] != described[table][part]:
                differ.append(f"{table} {part}: migrations {built[table][part]!r}")
                differ.append(f"{' ' * len(table)} {part}: models     {described[table][part]!r}")
    assert not differ, "\n".join(differ)


if __name__ == "__main__":  # _migrated's process: migrate, then describe the result
    import django
    from django.core.management import call_command

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partnerbase.settings")
    django.setup()
    call_command("migrate", interactive=False, verbosity=0)
    from django.db import connection as migrated

    print(json.dumps(_json(schema(migrated))))
