"""The benchmark's programme (figures.py): built from one seeded generator, so two runs
build the same data set. The brokering and competition records are figures_data_brokering.py's;
the seed, the calendar and the loader are figures_loader.py's.
"""

import random
import time
from datetime import date, timedelta
from decimal import Decimal

from figures_data_brokering import brokering_and_competitions
from figures_loader import (
    ACTIVITY_START,
    AWARD_DAYS,
    AWARDS_START,
    PROGRAMME_END,
    PROGRAMME_START,
    RATES_START,
    SEED,
    Loader,
    weighted,
)


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
            name="Benchmark programme (illustrative)",
            slug=slug,
            starts_on=PROGRAMME_START,
            ends_on=PROGRAMME_END,
            report_date=PROGRAMME_END,
            reference_currency="GBP",
            display_currencies="USD,EUR",
        )
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
        kinds = weighted(
            [
                ("business", 45),
                ("charity", 14),
                ("social_enterprise", 14),
                ("community_interest_company", 6),
                ("funder", 2),
                ("government_department", 2),
                ("local_authority", 6),
                ("intermediary", 11),
            ]
        )
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
                status = (
                    "withdrawn"
                    if withdrawn
                    else ("graduated" if ends < PROGRAMME_END else "active")
                )
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
        project_statuses = weighted(
            [
                ("proposed", 20),
                ("launched", 20),
                ("active", 30),
                ("completed", 20),
                ("cancelled", 10),
            ]
        )
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
        stages = weighted(
            [
                ("proposed", 15),
                ("introduced", 10),
                ("in_discussion", 10),
                ("confirmed", 20),
                ("active", 15),
                ("completed", 10),
                ("declined", 10),
                ("lapsed", 10),
            ]
        )
        partnership_kinds = [
            "funding",
            "mentoring",
            "distribution",
            "skills",
            "employment_pathways",
            "procurement",
            "in_kind",
            "other",
        ]
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
                    i,
                    pid,
                    f"Partnership {i}",
                    innovator,
                    project,
                    rng.choice(partnership_kinds),
                    stage,
                    day(proposed),
                    day(introduced),
                    day(confirmed),
                    day(ended),
                    estimate,
                    rng.choice(estimate_currencies),
                    6 if rng.random() < 0.5 else None,
                )
                # One to three partners, drawn more often from the lower ids.
                chosen = {8 + int((n_organisations - 8) * rng.random() ** 2) for _ in range(3)}
                for org in sorted(chosen)[: rng.randint(1, 3)]:
                    partners.append((len(partners) + 1, i, org))

        counts["partnerships"] = loader.load(
            Partnership,
            [
                "id",
                "programme_id",
                "name",
                "innovator_id",
                "project_id",
                "kind",
                "stage",
                "proposed_on",
                "introduced_on",
                "confirmed_on",
                "ended_on",
                "estimated_value_minor",
                "estimated_value_currency",
                "brokered_by_id",
            ],
            partnerships(),
        )
        counts["partnership partners"] = loader.load(
            PartnershipPartner, ["id", "partnership_id", "organisation_id"], iter(partners)
        )
        partners.clear()

        counts.update(
            brokering_and_competitions(loader, pid, n_organisations, innovators, members, funders)
        )

        # Funding awards: a third to cohort members (some dated before they joined), the rest
        # to anyone; some from the conveners; mostly GBP; mixed instruments; some unconfirmed.
        instruments = weighted(
            [
                ("grant", 40),
                ("social_loan", 15),
                ("equity", 10),
                ("prize", 5),
                ("match_funding", 20),
                ("in_kind", 10),
            ]
        )
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
                    i,
                    pid,
                    f"Award {i}",
                    instrument,
                    rng.choice(amounts) * 100 + rng.randrange(100),
                    rng.choice(award_currencies),
                    day(AWARDS_START + timedelta(days=rng.randrange(AWARD_DAYS))),
                    rng.random() < 0.85,
                    funder,
                    recipient,
                    interest if loan else None,
                    36 if loan else None,
                )

        counts["funding awards"] = loader.load(
            FundingAward,
            [
                "id",
                "programme_id",
                "title",
                "instrument",
                "amount_minor",
                "currency",
                "award_date",
                "confirmed",
                "funder_id",
                "recipient_id",
                "interest_rate_percent",
                "term_months",
            ],
            awards(),
        )

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


def data_summary(connection, programme) -> str:
    from django.db.models import Count

    from partnerbase.funding.models import FundingAward

    awards = FundingAward.objects.filter(programme=programme)
    by_currency = dict(awards.order_by().values_list("currency").annotate(n=Count("id")))
    return "Awards by currency: " + ", ".join(f"{c} {n:,}" for c, n in sorted(by_currency.items()))
