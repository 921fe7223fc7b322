"""Look for text in every column of every table, history tables included, by SQL."""

from django.db import connection


def tables_holding(*needles: str) -> dict[str, int]:
    """ "table.column" → rows whose value contains any needle (case ignored)."""
    found = {}
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
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
        return {
            table: _count(cursor, quote(table))
            for table in connection.introspection.table_names(cursor)
        }


def _count(cursor, table):
    cursor.execute(f"SELECT COUNT(*) FROM {table}")
    return cursor.fetchone()[0]
