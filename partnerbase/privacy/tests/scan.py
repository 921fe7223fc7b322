"""Look for text in every column of every table, history tables included, by SQL."""

from django.db import connection

from tests.snapshot import PREFIX


def database_tables(cursor) -> list[str]:
    """Every table in the database but the test suite's copy of the demo (tests/snapshot.py)."""
    return [t for t in connection.introspection.table_names(cursor) if not t.startswith(PREFIX)]


def tables_holding(*needles: str) -> dict[str, int]:
    """ "table.column" → rows whose value contains any needle (case ignored)."""
    found = {}
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table in database_tables(cursor):
            columns = [
                c.name for c in connection.introspection.get_table_description(cursor, table)
            ]
            for column in columns:
                for needle in needles:
                    cursor.execute(
                        f"SELECT COUNT(*) FROM {quote(table)} "
                        f"WHERE LOWER(CAST({quote(column)} AS TEXT)) LIKE %s",
                        [f"%{needle.lower()}%"],
                    )
                    count = cursor.fetchone()[0]
                    if count:
                        found[f"{table}.{column}"] = found.get(f"{table}.{column}", 0) + count
    return found


def row_counts() -> dict[str, int]:
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        return {table: _count(cursor, quote(table)) for table in database_tables(cursor)}


def _count(cursor, table):
    cursor.execute(f"SELECT COUNT(*) FROM {table}")
    return cursor.fetchone()[0]
