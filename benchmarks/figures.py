#!/usr/bin/env python
"""Time the six headline figures against hand-written SQL on a large programme.

    python benchmarks/figures.py [--organisations 100000] [--awards 1000000]
                                 [--database sqlite|postgres|both] [--repeat 5]

For each database, and for the requested size and one ten times smaller, a child process
(this script with --child, and DATABASE_URL set for it) migrates a fresh database, loads a
seeded programme, then times `headline_figures(programme, period)` and the fastest raw SQL
we could write for the same six numbers, counts the queries of each and checks that both
give the same numbers. The parent prints one table. See benchmarks/README.md.
"""

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from decimal import Context, Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_POSTGRES_URL = "postgres://partnerbase:partnerbase@127.0.0.1:5432/partnerbase_bench"
SEED = 20170101

# The programme and the dates the data set spans.
PROGRAMME_START, PROGRAMME_END = date(2023, 1, 1), date(2024, 12, 31)
ACTIVITY_START = date(2022, 7, 1)  # engagements, partnerships: some before the programme
AWARDS_START, AWARD_DAYS = date(2022, 10, 1), 731  # two years of awards, a quarter early
RATES_START = date(2022, 6, 1)


# --- the parent: one child per (database, size), then the table -----------------------------


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--organisations", type=int, default=100_000)
    parser.add_argument("--awards", type=int, default=1_000_000)
    parser.add_argument("--database", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="keep a data set built by an earlier run with the same sizes instead of "
        "migrating a fresh database (for working on the figures; not for reported numbers)",
    )
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--result", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def database_url(database: str, organisations: int, awards: int) -> str:
    if database == "sqlite":
        path = ROOT / "var" / "bench" / f"figures-o{organisations}-a{awards}.sqlite3"
        path.parent.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{path}"
    # One schema per size in the benchmark database, so the two sizes do not clash.
    base = os.environ.get("BENCH_POSTGRES_URL", DEFAULT_POSTGRES_URL)
    joiner = "&" if "?" in base else "?"
    return f"{base}{joiner}options=-c%20search_path%3D{schema_name(organisations, awards)}"


def schema_name(organisations: int, awards: int) -> str:
    return f"bench_figures_o{organisations}_a{awards}"


def run_child(args, database: str, organisations: int, awards: int) -> dict:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="partnerbase.settings",
        DATABASE_URL=database_url(database, organisations, awards),
        DEBUG="0",
        PYTHONPATH=str(ROOT) + os.pathsep + env.get("PYTHONPATH", ""),
    )
    with tempfile.TemporaryDirectory() as tmp:
        result = Path(tmp) / "result.json"
        command = [
            sys.executable, __file__, "--child", "--database", database,
            "--organisations", str(organisations), "--awards", str(awards),
            "--repeat", str(args.repeat), "--result", str(result),
        ] + (["--reuse"] if args.reuse else [])  # fmt: skip
        subprocess.run(command, env=env, check=True, cwd=ROOT)
        return json.loads(result.read_text())


def print_table(rows: list[dict]) -> None:
    header = (
        "database", "organisations", "awards", "ORM median s", "ORM min s", "ORM queries",
        "SQL median s", "SQL min s", "SQL queries", "ORM/SQL min", "ORM/SQL median", "equal",
    )  # fmt: skip
    lines = [
        (
            r["database"],
            f"{r['organisations']:,}",
            f"{r['awards']:,}",
            f"{r['orm_median']:.3f}",
            f"{r['orm_min']:.3f}",
            str(r["orm_queries"]),
            f"{r['sql_median']:.3f}",
            f"{r['sql_min']:.3f}",
            str(r["sql_queries"]),
            f"{r['orm_min'] / r['sql_min']:.2f}",
            f"{r['orm_median'] / r['sql_median']:.2f}",
            "yes" if r["equal"] else "NO",
        )  # fmt: skip
        for r in rows
    ]
    widths = [max(len(h), *(len(line[i]) for line in lines)) for i, h in enumerate(header)]
    print()
    print("  ".join(h.rjust(w) for h, w in zip(header, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for line in lines:
        print("  ".join(c.rjust(w) for c, w in zip(line, widths, strict=True)))


def parent(args) -> int:
    databases = ["sqlite", "postgres"] if args.database == "both" else [args.database]
    sizes = [
        (max(args.organisations // 10, 100), max(args.awards // 10, 100)),
        (args.organisations, args.awards),
    ]
    rows = []
    for database in databases:
        for organisations, awards in sizes:
            print(f"\n== {database}: {organisations:,} organisations, {awards:,} awards")
            sys.stdout.flush()
            rows.append(run_child(args, database, organisations, awards))
    print_table(rows)

    problems = []
    for database in databases:
        counts = {r["orm_queries"] for r in rows if r["database"] == database}
        if len(counts) != 1:
            problems.append(f"{database}: the query count changes with the data size: {counts}")
    for r in rows:
        where = f"{r['database']} at {r['awards']:,} awards"
        if not r["equal"]:
            problems.append(f"{where}: the ORM and SQL numbers differ")
        # The time limit is for the programme asked for; on the small one the ORM's fixed
        # cost (building and compiling seven queries, a few milliseconds) weighs more. The
        # minimum times are compared: on a shared machine they vary least between runs.
        full_size = (r["organisations"], r["awards"]) == (args.organisations, args.awards)
        if full_size and r["orm_min"] > 1.2 * r["sql_min"]:
            problems.append(f"{where}: the ORM takes more than 1.2 times the SQL's time")
    print()
    print("\n".join(problems) or "Same numbers, a fixed number of queries, within 1.2x of SQL.")
    return 1 if problems else 0


# --- the child: build, then measure -----------------------------------------------------------


def child(args) -> int:
    import django

    django.setup()
    from django.db import connection

    from partnerbase.programmes.models import Programme

    slug = f"bench-{SEED}"
    built = args.reuse and existing_programme(connection, slug)
    if built:
        print("Reusing the data set built by an earlier run.", flush=True)
        programme = Programme.objects.get(slug=slug)
        generation = None
    else:
        fresh_database(connection, args)
        started = time.perf_counter()
        programme = generate(connection, args.organisations, args.awards, slug)
        generation = time.perf_counter() - started
        print(f"Data generated and loaded in {generation:.1f} s.", flush=True)
    print(data_summary(connection, programme), flush=True)

    result = measure(connection, programme, args.repeat)
    result.update(
        database=args.database,
        organisations=args.organisations,
        awards=args.awards,
        generation_seconds=generation,
    )
    Path(args.result).write_text(json.dumps(result))
    return 0


def existing_programme(connection, slug: str) -> bool:
    from django.db.utils import DatabaseError

    from partnerbase.programmes.models import Programme

    try:
        return Programme.objects.filter(slug=slug).exists()
    except DatabaseError:
        connection.close()
        return False


def fresh_database(connection, args) -> None:
    from django.core.management import call_command

    if connection.vendor == "sqlite":
        connection.close()
        Path(connection.settings_dict["NAME"]).unlink(missing_ok=True)
    else:
        schema = schema_name(args.organisations, args.awards)
        with connection.cursor() as cursor:
            cursor.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
            cursor.execute(f'CREATE SCHEMA "{schema}"')
    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    print(f"Migrated a fresh {connection.vendor} database in "
          f"{time.perf_counter() - started:.1f} s.", flush=True)  # fmt: skip


# --- data --------------------------------------------------------------------------------------
#
# The data set is loaded with COPY (PostgreSQL) or executemany in large batches (SQLite),
# straight into the tables, not through the services that forms use: a million awards
# through `funding_award_record` (validation, history rows, one INSERT each) would take the
# best part of an hour. Every value is drawn from one seeded random generator, so two runs
# build the same programme.


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


def generate(connection, n_organisations: int, n_awards: int, slug: str):
    from django.core.management.color import no_style
    from django.db import transaction

    from partnerbase.accelerator.models import Accelerator, Cohort, CohortMembership
    from partnerbase.brokering.models import Partnership, PartnershipPartner
    from partnerbase.directory.models import DEFAULT_SECTOR, Engagement, Organisation
    from partnerbase.funding.models import ExchangeRate, FundingAward
    from partnerbase.impact.models import Figure, Target
    from partnerbase.programmes.models import Programme
    from partnerbase.projects.models import CoalitionMember, CollaborativeProject

    rng = random.Random(SEED)
    loader = Loader(connection, rng)
    day = loader.day
    counts = {}

    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA synchronous = OFF")
            cursor.execute("PRAGMA journal_mode = MEMORY")

    with transaction.atomic():
        programme = Programme.objects.create(
            name="Benchmark programme (illustrative)", slug=slug,
            starts_on=PROGRAMME_START, ends_on=PROGRAMME_END, report_date=PROGRAMME_END,
            reference_currency="GBP", display_currencies="USD,EUR",
        )  # fmt: skip
        pid = programme.pk

        # Exchange rates: GBP->USD every weekday, EUR->GBP on the first of each month.
        def rates():
            usd, on = 1.20, RATES_START
            while on <= PROGRAMME_END:
                if on.weekday() < 5:
                    usd = min(max(usd + rng.gauss(0, 0.004), 1.05), 1.40)
                    yield (pid, "GBP", "USD", day(on), Decimal(f"{usd:.6f}"), "Illustrative daily")
                if on.day == 1:
                    eur = Decimal(f"{0.86 + rng.uniform(-0.02, 0.02):.6f}")
                    yield (pid, "EUR", "GBP", day(on), eur, "Illustrative monthly")
                on += timedelta(days=1)

        counts["exchange rates"] = loader.load(
            ExchangeRate, ["programme_id", "base", "quote", "rate_date", "rate", "source"], rates()
        )

        # Organisations: 1-5 convene the programme, 6-7 deliver accelerators, the rest mixed.
        kinds = weighted([("business", 45), ("charity", 14), ("social_enterprise", 14),
                          ("community_interest_company", 6), ("funder", 2),
                          ("government_department", 2), ("local_authority", 6),
                          ("intermediary", 11)])  # fmt: skip
        kind_of = [None, *["government_department"] * 5, "intermediary", "intermediary"]
        kind_of += [rng.choice(kinds) for _ in range(n_organisations - 7)]
        funders = [i for i, k in enumerate(kind_of) if k == "funder"]
        innovator_kinds = ("social_enterprise", "community_interest_company", "charity")
        innovators = [i for i, k in enumerate(kind_of) if k in innovator_kinds]
        conveners = [1, 2, 3, 4, 5]

        def organisations():
            for i in range(1, n_organisations + 1):
                kind = kind_of[i]
                yield (i, pid, f"Organisation {i}", kind, DEFAULT_SECTOR[kind].value, i <= 5)

        counts["organisations"] = loader.load(
            Organisation,
            ["id", "programme_id", "name", "kind", "sector_group", "convenes_programme"],
            organisations(),
        )

        # Engagements: about two per organisation, skewed towards some, some before the start.
        activity_days = (PROGRAMME_END - ACTIVITY_START).days + 1
        engagement_kinds = ["meeting", "call", "event", "workshop"]

        def engagements():
            for i in range(1, 2 * n_organisations + 1):
                org = 1 + min(int(n_organisations * rng.random() ** 3), n_organisations - 1)
                on = ACTIVITY_START + timedelta(days=rng.randrange(activity_days))
                yield (i, pid, org, rng.choice(engagement_kinds), day(on), "Contact")

        counts["engagements"] = loader.load(
            Engagement,
            ["id", "programme_id", "organisation_id", "kind", "occurred_on", "summary"],
            engagements(),
        )

        # An accelerator that ended before the programme, and the programme's own, with
        # six-monthly cohorts from before the start to after the end.
        accelerators = [
            (1, pid, "Pilot accelerator", 7, day(date(2021, 6, 1)), day(date(2022, 6, 30))),
            (2, pid, "Scale accelerator", 6, day(date(2022, 10, 1)), day(date(2025, 8, 31))),
        ]
        loader.load(
            Accelerator,
            ["id", "programme_id", "name", "delivery_partner_id", "starts_on", "ends_on"],
            iter(accelerators),
        )
        cohorts = [  # id, accelerator, starts, ends, share of the memberships
            (1, 1, date(2021, 9, 1), date(2022, 2, 28), 10),
            (2, 2, date(2022, 11, 1), date(2023, 4, 30), 25),
            (3, 2, date(2023, 5, 1), date(2023, 10, 31), 25),
            (4, 2, date(2023, 11, 1), date(2024, 4, 30), 20),
            (5, 2, date(2024, 5, 1), date(2024, 10, 31), 15),
            (6, 2, date(2025, 3, 1), date(2025, 8, 31), 5),
        ]
        loader.load(
            Cohort,
            ["id", "accelerator_id", "name", "starts_on", "ends_on"],
            ((c, a, f"Cohort {c}", day(s), day(e)) for c, a, s, e, _ in cohorts),
        )
        n_memberships = max(n_organisations * 3 // 100, 30)
        memberships, members = [], []
        for cohort, _, starts, ends, share in cohorts:
            for org in rng.sample(innovators, n_memberships * share // 100):
                if rng.random() < 0.85:
                    joined = starts - timedelta(days=rng.randrange(46))
                else:
                    joined = starts + timedelta(days=1 + rng.randrange(30))
                withdrawn = None
                if rng.random() < 0.12:
                    if joined < starts and rng.random() < 0.5:  # before the cohort started
                        withdrawn = joined + timedelta(days=rng.randrange((starts - joined).days))
                    else:
                        withdrawn = max(starts, joined) + timedelta(days=rng.randrange(150))
                status = "withdrawn" if withdrawn else (
                    "graduated" if ends < PROGRAMME_END else "active")  # fmt: skip
                memberships.append(
                    (len(memberships) + 1, cohort, org, day(joined), status, day(withdrawn))
                )
                members.append(org)
        counts["cohort memberships"] = loader.load(
            CohortMembership,
            ["id", "cohort_id", "organisation_id", "joined_on", "status", "withdrawn_on"],
            iter(memberships),
        )

        # Collaborative projects and their coalitions.
        n_projects = max(n_organisations // 200, 5)
        project_statuses = weighted([("proposed", 20), ("launched", 20), ("active", 30),
                                     ("completed", 20), ("cancelled", 10)])  # fmt: skip
        launch_days = (date(2025, 3, 31) - ACTIVITY_START).days
        projects, coalition = [], []
        roles = ["lead", "funder", "delivery", "employer", "government", "partner"]
        for p in range(1, n_projects + 1):
            status = rng.choice(project_statuses)
            launched = None
            if status != "proposed" or rng.random() < 0.2:
                launched = ACTIVITY_START + timedelta(days=rng.randrange(launch_days))
            projects.append((p, pid, f"Project {p}", status, day(launched), "North West"))
            for org in rng.sample(range(1, n_organisations + 1), rng.randint(3, 6)):
                joined = None
                if launched and rng.random() < 0.7:
                    joined = launched + timedelta(days=rng.randint(-60, 120))
                coalition.append((len(coalition) + 1, p, org, rng.choice(roles), day(joined)))
        counts["projects"] = loader.load(
            CollaborativeProject,
            ["id", "programme_id", "name", "status", "launch_date", "region"],
            iter(projects),
        )
        counts["coalition members"] = loader.load(
            CoalitionMember,
            ["id", "project_id", "organisation_id", "role", "joined_on"],
            iter(coalition),
        )

        # Partnerships at every stage, with one to three partners each.
        n_partnerships = n_organisations // 2
        stages = weighted([("proposed", 15), ("introduced", 10), ("in_discussion", 10),
                           ("confirmed", 20), ("active", 15), ("completed", 10),
                           ("declined", 10), ("lapsed", 10)])  # fmt: skip
        partnership_kinds = ["funding", "mentoring", "distribution", "skills",
                             "employment_pathways", "procurement", "in_kind", "other"]  # fmt: skip
        estimate_currencies = weighted([("GBP", 87), ("USD", 10), ("EUR", 3)])
        partners = []

        def partnerships():
            for i in range(1, n_partnerships + 1):
                stage = rng.choice(stages)
                innovator, project = rng.choice(innovators), None
                if rng.random() < 0.1:
                    innovator, project = None, rng.randint(1, n_projects)
                proposed = ACTIVITY_START + timedelta(days=rng.randrange(activity_days))
                introduced = confirmed = ended = None
                if stage != "proposed":
                    introduced = proposed + timedelta(days=rng.randrange(31))
                if stage in ("confirmed", "active", "completed"):
                    confirmed = introduced + timedelta(days=rng.randrange(61))
                if stage == "completed":
                    ended = confirmed + timedelta(days=rng.randint(90, 365))
                elif stage in ("declined", "lapsed"):
                    ended = introduced + timedelta(days=rng.randint(10, 120))
                estimate = None
                if rng.random() < (0.85 if confirmed else 0.3):
                    estimate = rng.randint(500, 250_000) * 100
                yield (
                    i, pid, f"Partnership {i}", innovator, project, rng.choice(partnership_kinds),
                    stage, day(proposed), day(introduced), day(confirmed), day(ended), estimate,
                    rng.choice(estimate_currencies), 6 if rng.random() < 0.5 else None,
                )  # fmt: skip
                # One to three partners, drawn more often from the lower ids.
                chosen = {8 + int((n_organisations - 8) * rng.random() ** 2) for _ in range(3)}
                for org in sorted(chosen)[: rng.randint(1, 3)]:
                    partners.append((len(partners) + 1, i, org))

        counts["partnerships"] = loader.load(
            Partnership,
            ["id", "programme_id", "name", "innovator_id", "project_id", "kind", "stage",
             "proposed_on", "introduced_on", "confirmed_on", "ended_on",
             "estimated_value_minor", "estimated_value_currency", "brokered_by_id"],
            partnerships(),
        )  # fmt: skip
        counts["partnership partners"] = loader.load(
            PartnershipPartner, ["id", "partnership_id", "organisation_id"], iter(partners)
        )
        partners.clear()

        counts.update(
            brokering_and_competitions(loader, pid, n_organisations, innovators, members, funders)
        )

        # Funding awards: a third to cohort members (some dated before they joined), the rest
        # to anyone; some from the conveners; mostly GBP; mixed instruments; some unconfirmed.
        instruments = weighted([("grant", 40), ("social_loan", 15), ("equity", 10),
                                ("prize", 5), ("match_funding", 20), ("in_kind", 10)])  # fmt: skip
        award_currencies = weighted([("GBP", 90), ("USD", 6), ("EUR", 4)])
        amounts = [500, 1_000, 2_500, 5_000, 10_000, 25_000, 50_000, 100_000, 250_000]
        interest = Decimal("3.500")

        def awards():
            for i in range(1, n_awards + 1):
                funder = rng.choice(conveners) if rng.random() < 0.05 else rng.choice(funders)
                if rng.random() < 0.35:
                    recipient = rng.choice(members)
                else:
                    recipient = rng.randint(8, n_organisations)
                if recipient == funder:
                    recipient = funder + 1
                instrument = rng.choice(instruments)
                loan = instrument == "social_loan"
                yield (
                    i, pid, f"Award {i}", instrument,
                    rng.choice(amounts) * 100 + rng.randrange(100), rng.choice(award_currencies),
                    day(AWARDS_START + timedelta(days=rng.randrange(AWARD_DAYS))),
                    rng.random() < 0.85, funder, recipient,
                    interest if loan else None, 36 if loan else None,
                )  # fmt: skip

        counts["funding awards"] = loader.load(
            FundingAward,
            ["id", "programme_id", "title", "instrument", "amount_minor", "currency",
             "award_date", "confirmed", "funder_id", "recipient_id",
             "interest_rate_percent", "term_months"],
            awards(),
        )  # fmt: skip

        targets = {
            Figure.ORGANISATIONS_ENGAGED: n_organisations // 2,
            Figure.NEW_PROJECTS: n_projects // 4,
            Figure.INNOVATORS_SUPPORTED: n_memberships // 2,
            Figure.ADDITIONAL_FUNDING: n_awards * 2_000,
            Figure.PARTNERSHIPS_CONFIRMED: n_partnerships // 5,
            Figure.ESTIMATED_PARTNERSHIP_VALUE: n_partnerships * 10_000,
        }
        Target.objects.bulk_create(
            Target(programme=programme, figure=f, value=Decimal(v)) for f, v in targets.items()
        )

        # Explicit ids were loaded: move PostgreSQL's sequences past them.
        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), loader.models):
                cursor.execute(statement)

    # Statistics, as a live database would have them (autovacuum on PostgreSQL).
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    print(f"Analysed in {time.perf_counter() - started:.1f} s.", flush=True)
    print(", ".join(f"{n:,} {what}" for what, n in counts.items()), flush=True)
    return programme


# Brokering rounds (run date, sent date or None, status) and competitions (launch date,
# share of the entries): some before the programme and some after, so the period matters.
ROUNDS = [
    (date(2022, 11, 16), date(2022, 12, 1), "sent"),
    (date(2023, 5, 10), date(2023, 5, 24), "sent"),
    (date(2023, 11, 8), date(2023, 11, 22), "sent"),
    (date(2024, 6, 5), date(2024, 6, 19), "sent"),
    (date(2024, 12, 4), None, "reviewed"),  # proposals not sent yet; a few sent one by one
]
COMPETITIONS = [
    (date(2022, 9, 1), 15),
    (date(2023, 3, 1), 20),
    (date(2023, 9, 15), 20),
    (date(2024, 2, 1), 20),
    (date(2024, 10, 15), 20),  # entries run on past the end of the programme
    (date(2025, 3, 1), 5),  # launched after it: neither sponsor nor entrants count
]


def brokering_and_competitions(loader, pid, n_organisations, innovators, members, funders):
    """Needs and offers, brokering rounds and their introductions, competitions and their
    entries: the role sources "organisations engaged" gained after the first six. At full
    size about 20,000 needs, 20,000 offers, 100,000 introductions and 5,000 entries."""
    from partnerbase.brokering.models import BrokeringRound, Introduction, Need, Offer
    from partnerbase.projects.models import Competition, CompetitionEntry

    rng, day = loader.rng, loader.day
    counts = {}
    types = ["funding", "mentoring", "distribution", "skills", "employment_pathways",
             "procurement", "premises", "other"]  # fmt: skip
    recorded_days = (date(2025, 3, 31) - ACTIVITY_START).days

    def partner():  # drawn more often from the lower ids, as partnership partners are
        return 8 + int((n_organisations - 8) * rng.random() ** 2)

    def wants(count, owner):
        """(id, owner, type, status, recorded_on, closed_on), in the order recorded."""
        recorded = sorted(rng.randrange(recorded_days) for _ in range(count))
        for i, offset in enumerate(recorded, start=1):
            on = ACTIVITY_START + timedelta(days=offset)
            closed = on + timedelta(days=rng.randint(14, 300)) if rng.random() < 0.45 else None
            yield i, owner(), rng.choice(types), "closed" if closed else "open", on, closed

    # Needs: innovators, cohort members more often; an amount for money, else a quantity.
    needs = list(wants(n_organisations // 5, lambda: rng.choice(
        members if rng.random() < 0.3 else innovators)))  # fmt: skip
    counts["needs"] = loader.load(
        Need,
        ["id", "programme_id", "innovator_id", "type", "status", "recorded_on", "closed_on",
         "amount_minor", "quantity"],
        ((i, pid, org, kind, status, day(on), day(closed),
          rng.randint(10, 5_000) * 10_000 if kind == "funding" else None,
          None if kind == "funding" else rng.randint(1, 20))
         for i, org, kind, status, on, closed in needs),
    )  # fmt: skip
    offers = list(wants(n_organisations // 5, partner))
    counts["offers"] = loader.load(
        Offer,
        ["id", "programme_id", "partner_id", "type", "status", "recorded_on", "closed_on",
         "capacity", "budget_minor"],
        ((i, pid, org, kind, status, day(on), day(closed), rng.randint(1, 5),
          rng.randint(50, 10_000) * 10_000 if kind == "funding" else None)
         for i, org, kind, status, on, closed in offers),
    )  # fmt: skip

    # Rounds of a fifth of the organisations' number of introductions each, every one for a
    # need and an offer recorded before the round ran. Of a sent round's, some were removed
    # at review (never sent, no date) and the rest sent, then accepted or declined; a few
    # went out one by one before the rest. The unsent round has proposals and a few sent.
    loader.load(
        BrokeringRound,
        ["id", "programme_id", "name", "status", "run_at", "sent_on"],
        ((r, pid, f"Round {r}", status, loader.connection.ops.adapt_datetimefield_value(
            datetime.combine(run, datetime.min.time(), UTC)), day(sent))
         for r, (run, sent, status) in enumerate(ROUNDS, start=1)),
    )  # fmt: skip
    sent_statuses = weighted([("removed", 15), ("sent", 45), ("accepted", 25), ("declined", 15)])
    unsent_statuses = weighted([("proposed", 78), ("added", 5), ("removed", 12), ("sent", 5)])
    answers = {"sent": ("pending", "pending"), "accepted": ("accepted", "accepted")}

    def introductions():
        i = 0
        for r, (run, sent, _) in enumerate(ROUNDS, start=1):
            open_needs = max(sum(1 for n in needs if n[4] <= run), 1)
            open_offers = max(sum(1 for o in offers if o[4] <= run), 1)
            for _ in range(n_organisations // 5):
                i += 1
                need, offer = needs[rng.randrange(open_needs)], offers[rng.randrange(open_offers)]
                status = rng.choice(sent_statuses if sent else unsent_statuses)
                on = None
                if status != "removed" and sent:
                    on = sent - timedelta(days=rng.randrange(10) if rng.random() < 0.1 else 0)
                elif status == "sent":  # sent one by one from the unsent round
                    on = run + timedelta(days=rng.randint(3, 40))
                innovator_answer, partner_answer = answers.get(status, ("pending", "pending"))
                if status == "declined":
                    innovator_answer, partner_answer = rng.choice(
                        [("declined", "pending"), ("accepted", "declined")])  # fmt: skip
                added = status == "added"
                yield (
                    i, pid, r, need[1], offer[1], need[0], offer[0],
                    None if added else Decimal(f"{rng.uniform(20, 100):.4f}"), status, day(on),
                    innovator_answer, partner_answer,
                )  # fmt: skip

    counts["introductions"] = loader.load(
        Introduction,
        ["id", "programme_id", "round_id", "innovator_id", "partner_id", "need_id", "offer_id",
         "score", "status", "sent_on", "innovator_response", "partner_response"],
        introductions(),
    )  # fmt: skip

    # Competitions sponsored by funders or businesses; innovators enter each at most once.
    n_entries = max(n_organisations // 20, 60)
    loader.load(
        Competition,
        ["id", "programme_id", "name", "sponsor_id", "prize_fund_minor", "prize_fund_currency",
         "launch_date"],
        ((c, pid, f"Challenge prize {c}", rng.choice(funders) if c % 2 else partner(),
          rng.choice([50_000, 100_000, 250_000, 1_000_000]) * 100, "GBP", day(launched))
         for c, (launched, _) in enumerate(COMPETITIONS, start=1)),
    )  # fmt: skip

    def entries():
        i = 0
        for c, (launched, share) in enumerate(COMPETITIONS, start=1):
            for org in rng.sample(innovators, n_entries * share // 100):
                i += 1
                on = launched + timedelta(days=rng.randrange(90))
                yield i, c, org, f"Entry {i}", day(on)

    counts["competition entries"] = loader.load(
        CompetitionEntry,
        ["id", "competition_id", "organisation_id", "title", "entered_on"],
        entries(),
    )
    return counts


def data_summary(connection, programme) -> str:
    from django.db.models import Count

    from partnerbase.funding.models import FundingAward

    awards = FundingAward.objects.filter(programme=programme)
    by_currency = dict(awards.order_by().values_list("currency").annotate(n=Count("id")))
    return "Awards by currency: " + ", ".join(f"{c} {n:,}" for c, n in sorted(by_currency.items()))


# --- measuring ----------------------------------------------------------------------------------


def measure(connection, programme, repeat: int) -> dict:
    from django.test.utils import CaptureQueriesContext

    from partnerbase.impact.figures import headline_figures
    from partnerbase.impact.models import Figure
    from partnerbase.impact.period import programme_period

    period = programme_period(programme)
    print(f"Period: {period}.", flush=True)

    def orm():
        figures = headline_figures(programme, period)
        return {key: figures.figures[key].value for key in Figure.values}

    def sql():
        return handwritten(connection, programme, period)

    # One untimed run of each warms the caches and counts the queries.
    with CaptureQueriesContext(connection) as orm_queries:
        orm_values = orm()
    with CaptureQueriesContext(connection) as sql_queries:
        sql_values = sql()

    timings = {"orm": [], "sql": []}
    for i in range(repeat):
        order = [("orm", orm), ("sql", sql)]
        for name, run in order if i % 2 == 0 else reversed(order):
            started = time.perf_counter()
            run()
            timings[name].append(time.perf_counter() - started)

    print(f"{'figure':<30}{'ORM':>22}{'SQL':>22}")
    for key in Figure.values:
        print(f"{key:<30}{orm_values[key]!s:>22}{sql_values[key]!s:>22}")
    print(f"ORM: {len(orm_queries.captured_queries)} queries, seconds "
          + ", ".join(f"{t:.3f}" for t in timings["orm"]))  # fmt: skip
    print(f"SQL: {len(sql_queries.captured_queries)} queries, seconds "
          + ", ".join(f"{t:.3f}" for t in timings["sql"]), flush=True)  # fmt: skip
    return {
        "orm_median": statistics.median(timings["orm"]),
        "orm_min": min(timings["orm"]),
        "orm_queries": len(orm_queries.captured_queries),
        "sql_median": statistics.median(timings["sql"]),
        "sql_min": min(timings["sql"]),
        "sql_queries": len(sql_queries.captured_queries),
        "equal": orm_values == sql_values,
        "orm_values": {k: str(v) for k, v in orm_values.items()},
        "sql_values": {k: str(v) for k, v in sql_values.items()},
    }


# The same six numbers by hand (DESIGN.md, "Headline figures"). Exclusions written out:
# a nullable date "not before X" is "IS NULL OR >= X", as Django's exclude() means it.

# "Organisations engaged": the twelve role sources of partnerbase/impact/roles.py, each the
# organisation id column and the FROM ... WHERE that gives it.
ROLES_SQL = [
    ("e.organisation_id", """FROM directory_engagement e
    WHERE e.programme_id = %(p)s AND e.occurred_on BETWEEN %(start)s AND %(end)s"""),
    ("m.organisation_id", """FROM accelerator_cohortmembership m
    JOIN accelerator_cohort c ON c.id = m.cohort_id
    JOIN accelerator_accelerator a ON a.id = c.accelerator_id
    WHERE a.programme_id = %(p)s AND m.joined_on <= %(end)s
      AND (m.withdrawn_on IS NULL OR m.withdrawn_on >= %(start)s)
      AND (c.ends_on IS NULL OR c.ends_on >= %(start)s)"""),
    ("a.delivery_partner_id", """FROM accelerator_accelerator a
    WHERE a.programme_id = %(p)s AND a.starts_on <= %(end)s
      AND (a.ends_on IS NULL OR a.ends_on >= %(start)s) AND a.delivery_partner_id IS NOT NULL"""),
    ("p.innovator_id", """FROM brokering_partnership p
    WHERE p.programme_id = %(p)s AND p.proposed_on <= %(end)s
      AND (p.ended_on IS NULL OR p.ended_on >= %(start)s) AND p.innovator_id IS NOT NULL"""),
    ("pp.organisation_id", """FROM brokering_partnershippartner pp
    JOIN brokering_partnership p ON p.id = pp.partnership_id
    WHERE p.programme_id = %(p)s AND p.proposed_on <= %(end)s
      AND (p.ended_on IS NULL OR p.ended_on >= %(start)s)"""),
    ("cm.organisation_id", """FROM projects_coalitionmember cm
    JOIN projects_collaborativeproject pr ON pr.id = cm.project_id
    WHERE pr.programme_id = %(p)s AND (cm.joined_on IS NULL OR cm.joined_on <= %(end)s)"""),
    ("ce.organisation_id", """FROM projects_competitionentry ce
    JOIN projects_competition c ON c.id = ce.competition_id
    WHERE c.programme_id = %(p)s AND ce.entered_on BETWEEN %(start)s AND %(end)s"""),
    ("c.sponsor_id", """FROM projects_competition c
    WHERE c.programme_id = %(p)s AND c.launch_date <= %(end)s"""),
    ("n.innovator_id", """FROM brokering_need n
    WHERE n.programme_id = %(p)s AND n.recorded_on <= %(end)s
      AND (n.closed_on IS NULL OR n.closed_on >= %(start)s)"""),
    ("f.partner_id", """FROM brokering_offer f
    WHERE f.programme_id = %(p)s AND f.recorded_on <= %(end)s
      AND (f.closed_on IS NULL OR f.closed_on >= %(start)s)"""),
    # Only sent introductions have a sent_on (removed and unsent proposals have none).
    ("i.innovator_id", """FROM brokering_introduction i
    WHERE i.programme_id = %(p)s AND i.sent_on BETWEEN %(start)s AND %(end)s"""),
    ("i.partner_id", """FROM brokering_introduction i
    WHERE i.programme_id = %(p)s AND i.sent_on BETWEEN %(start)s AND %(end)s"""),
]  # fmt: skip
ORGANISATIONS_SQL = """SELECT COUNT(*) FROM directory_organisation o
WHERE o.programme_id = %(p)s AND NOT o.convenes_programme AND """
# Each engine's fastest form, as for the award sums (benchmarks/README.md):
ENGAGED_SQL = {
    # PostgreSQL: one set of ids (a UNION: a UNION ALL is planned as 85,000 index lookups).
    "postgresql": ORGANISATIONS_SQL
    + "o.id IN (\n"
    + "\nUNION\n".join(f"    SELECT {column} {rest}" for column, rest in ROLES_SQL)
    + ")",
    # SQLite: for each organisation, probe each source by its foreign key index and stop at
    # the first hit (most stop at the engagements).
    "sqlite": ORGANISATIONS_SQL
    + "(\n"
    + "\nOR ".join(f"EXISTS (SELECT 1 {rest} AND {column} = o.id)" for column, rest in ROLES_SQL)
    + ")",
}

# Cohort places that support an innovator in the period.
SUPPORTING_SQL = """
    SELECT m.organisation_id, m.joined_on FROM accelerator_cohortmembership m
    JOIN accelerator_cohort c ON c.id = m.cohort_id
    JOIN accelerator_accelerator a ON a.id = c.accelerator_id
    WHERE a.programme_id = %(p)s AND c.starts_on <= %(end)s AND m.joined_on <= %(end)s
      AND (c.ends_on IS NULL OR c.ends_on >= %(start)s)
      AND (m.withdrawn_on IS NULL OR m.withdrawn_on >= %(start)s)
      AND (m.withdrawn_on IS NULL OR m.withdrawn_on >= c.starts_on)
"""

COUNTS_SQL = {
    vendor: f"""
SELECT
  ({engaged}),
  (SELECT COUNT(*) FROM projects_collaborativeproject pr
   WHERE pr.programme_id = %(p)s AND pr.status IN ('launched', 'active', 'completed')
     AND pr.launch_date BETWEEN %(start)s AND %(end)s),
  (SELECT COUNT(DISTINCT s.organisation_id) FROM ({SUPPORTING_SQL}) s)
"""
    for vendor, engaged in ENGAGED_SQL.items()
}

# An award counts if its recipient held a supporting place joined on or before the award
# date. The two engines want this written differently (benchmarks/README.md):
AWARD_FILTERS = """aw.programme_id = %(p)s AND aw.confirmed
  AND aw.instrument IN ('grant', 'social_loan', 'equity', 'prize', 'match_funding')
  AND aw.award_date BETWEEN %(start)s AND %(end)s"""
FUNDING_SQL = {
    # SQLite has no hash joins and runs a correlated EXISTS once per award: instead, from
    # each supported innovator's first qualifying join date, walk the (recipient_id,
    # award_date) index to the awards after it (index only), then fetch just those awards.
    "sqlite": f"""
WITH supported AS (
    SELECT s.organisation_id, MIN(s.joined_on) AS first_joined FROM ({SUPPORTING_SQL}) s
    GROUP BY s.organisation_id
)
SELECT aw.currency, aw.award_date, SUM(aw.amount_minor)
FROM funding_fundingaward aw JOIN directory_organisation f ON f.id = aw.funder_id
WHERE {AWARD_FILTERS} AND NOT f.convenes_programme
  AND aw.id IN (SELECT a2.id FROM supported s JOIN funding_fundingaward a2
                ON a2.recipient_id = s.organisation_id AND a2.award_date >= s.first_joined)
GROUP BY aw.currency, aw.award_date
""",
    # PostgreSQL: one pass over the awards with a hashed semi-join to the supporting places.
    "postgresql": f"""
SELECT aw.currency, aw.award_date, SUM(aw.amount_minor)
FROM funding_fundingaward aw JOIN directory_organisation f ON f.id = aw.funder_id
WHERE {AWARD_FILTERS} AND NOT f.convenes_programme
  AND EXISTS (SELECT 1 FROM ({SUPPORTING_SQL}) s
              WHERE s.organisation_id = aw.recipient_id AND s.joined_on <= aw.award_date)
GROUP BY aw.currency, aw.award_date
""",
}

PARTNERSHIPS_SQL = """
SELECT p.estimated_value_currency, p.confirmed_on, COUNT(*), SUM(p.estimated_value_minor)
FROM brokering_partnership p
WHERE p.programme_id = %(p)s AND p.stage IN ('confirmed', 'active', 'completed')
  AND p.confirmed_on BETWEEN %(start)s AND %(end)s
GROUP BY p.estimated_value_currency, p.confirmed_on
"""

RATES_SQL = """
SELECT base, quote, rate_date, rate, source FROM funding_exchangerate WHERE programme_id = %(p)s
"""


def handwritten(connection, programme, period) -> dict:
    from partnerbase.funding.currencies import from_minor
    from partnerbase.funding.money import Rate, RateTable, round_money
    from partnerbase.impact.models import Figure

    def as_date(value):  # Django's SQLite connection already parses columns declared date
        return date.fromisoformat(value) if isinstance(value, str) else value

    def as_decimal(value):  # SQLite hands back a NUMERIC as a float: read it as Django does
        if isinstance(value, float):
            return Context(prec=15).create_decimal_from_float(value)
        return Decimal(value)

    params = {
        "p": programme.pk,
        "start": connection.ops.adapt_datefield_value(period.start),
        "end": connection.ops.adapt_datefield_value(period.end),
    }
    currency = programme.reference_currency

    def convert(groups, rates):
        total = Decimal(0)
        for code, on, minor in groups:
            total += rates.convert(from_minor(minor, code), code, currency, as_date(on))
        return round_money(total, currency)

    with connection.cursor() as cursor:
        cursor.execute(RATES_SQL, params)
        rates = RateTable(
            Rate(b, q, as_date(on), as_decimal(r), s) for b, q, on, r, s in cursor.fetchall()
        )
        cursor.execute(COUNTS_SQL[connection.vendor], params)
        engaged, projects, innovators = cursor.fetchone()
        cursor.execute(FUNDING_SQL[connection.vendor], params)
        funding = convert(cursor.fetchall(), rates)
        cursor.execute(PARTNERSHIPS_SQL, params)
        partnership_groups = cursor.fetchall()
    return {
        Figure.ORGANISATIONS_ENGAGED: engaged,
        Figure.NEW_PROJECTS: projects,
        Figure.INNOVATORS_SUPPORTED: innovators,
        Figure.ADDITIONAL_FUNDING: funding,
        Figure.PARTNERSHIPS_CONFIRMED: sum(n for _, _, n, _ in partnership_groups),
        Figure.ESTIMATED_PARTNERSHIP_VALUE: convert(
            ((c, on, total) for c, on, _, total in partnership_groups if total), rates
        ),
    }


if __name__ == "__main__":
    arguments = parse_args(sys.argv[1:])
    sys.exit(child(arguments) if arguments.child else parent(arguments))
