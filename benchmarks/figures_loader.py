"""The seed, the calendar and the row loader of the benchmark's data set (figures.py).

The data set is loaded with COPY (PostgreSQL) or executemany in large batches (SQLite),
straight into the tables, not through the services that forms use: a million awards
through `funding_award_record` (validation, history rows, one INSERT each) would take the
best part of an hour. Every value is drawn from one seeded random generator, so two runs
build the same programme.
"""

import random
import uuid
from datetime import UTC, date, datetime

SEED = 20170101

# The programme and the dates the data set spans.
PROGRAMME_START, PROGRAMME_END = date(2023, 1, 1), date(2024, 12, 31)
ACTIVITY_START = date(2022, 7, 1)  # engagements, partnerships: some before the programme
AWARDS_START, AWARD_DAYS = date(2022, 10, 1), 731  # two years of awards, a quarter early
RATES_START = date(2022, 6, 1)


class Loader:
    """Insert rows into a model's table fast; fills the columns the rows do not give."""

    def __init__(self, connection, rng: random.Random):
        self.connection, self.rng = connection, rng
        self.postgres = connection.vendor == "postgresql"
        self.now = connection.ops.adapt_datetimefield_value(datetime(2025, 1, 1, tzinfo=UTC))
        self.models = []
        self._dates: dict[date, object] = {}

    def day(self, on: date | None):
        """A date as the database driver wants it (SQLite stores ISO text)."""
        if on is None:
            return None
        value = self._dates.get(on)
        if value is None:
            value = self._dates[on] = self.connection.ops.adapt_datefield_value(on)
        return value

    def uid(self):
        value = uuid.UUID(int=self.rng.getrandbits(128), version=4)
        return value if self.postgres else value.hex

    def load(self, model, names: list[str], rows) -> int:
        meta = model._meta
        given = [meta.get_field(name).column for name in names]
        constant_columns, constants, has_uid = [], [], False
        for f in meta.concrete_fields:
            if f.primary_key or f.column in given:
                continue
            if f.name == "uid":
                has_uid = True
            elif f.name in ("created_at", "updated_at"):
                constant_columns.append(f.column)
                constants.append(self.now)
            elif f.has_default():
                constant_columns.append(f.column)
                constants.append(f.get_db_prep_save(f.get_default(), self.connection))
            elif f.null:
                constant_columns.append(f.column)
                constants.append(None)
            else:
                constant_columns.append(f.column)
                constants.append("")
        columns = given + (["uid"] if has_uid else []) + constant_columns
        tail, uid = tuple(constants), self.uid
        table = self.connection.ops.quote_name(meta.db_table)
        column_list = ", ".join(self.connection.ops.quote_name(c) for c in columns)
        count = 0
        with self.connection.cursor() as cursor:
            if self.postgres:
                with cursor.copy(f"COPY {table} ({column_list}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row + (uid(),) + tail if has_uid else row + tail)
                        count += 1
            else:
                marks = ", ".join(["%s"] * len(columns))
                sql = f"INSERT INTO {table} ({column_list}) VALUES ({marks})"
                batch = []
                for row in rows:
                    batch.append(row + (uid(),) + tail if has_uid else row + tail)
                    if len(batch) == 50_000:
                        cursor.executemany(sql, batch)
                        count += len(batch)
                        batch = []
                if batch:
                    cursor.executemany(sql, batch)
                    count += len(batch)
        self.models.append(model)
        return count


def weighted(pairs) -> list:
    """A table to draw from with rng.choice: each value repeated by its weight."""
    return [value for value, weight in pairs for _ in range(weight)]
