"""The brokering and competition records of the benchmark's programme (figures_data.py)."""

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from figures_loader import ACTIVITY_START, weighted

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
    from partnerbase.projects.models import Competition, CompetitionEntry, CompetitionStage

    rng, day = loader.rng, loader.day
    counts = {}
    types = [
        "funding",
        "mentoring",
        "distribution",
        "skills",
        "employment_pathways",
        "procurement",
        "premises",
        "other",
    ]
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
    needs = list(
        wants(
            n_organisations // 5, lambda: rng.choice(members if rng.random() < 0.3 else innovators)
        )
    )
    counts["needs"] = loader.load(
        Need,
        [
            "id",
            "programme_id",
            "innovator_id",
            "type",
            "status",
            "recorded_on",
            "closed_on",
            "amount_minor",
            "quantity",
        ],
        (
            (
                i,
                pid,
                org,
                kind,
                status,
                day(on),
                day(closed),
                rng.randint(10, 5_000) * 10_000 if kind == "funding" else None,
                None if kind == "funding" else rng.randint(1, 20),
            )
            for i, org, kind, status, on, closed in needs
        ),
    )
    offers = list(wants(n_organisations // 5, partner))
    counts["offers"] = loader.load(
        Offer,
        [
            "id",
            "programme_id",
            "partner_id",
            "type",
            "status",
            "recorded_on",
            "closed_on",
            "capacity",
            "budget_minor",
        ],
        (
            (
                i,
                pid,
                org,
                kind,
                status,
                day(on),
                day(closed),
                rng.randint(1, 5),
                rng.randint(50, 10_000) * 10_000 if kind == "funding" else None,
            )
            for i, org, kind, status, on, closed in offers
        ),
    )

    # Rounds of a fifth of the organisations' number of introductions each, every one for a
    # need and an offer recorded before the round ran. Of a sent round's, some were removed
    # at review (never sent, no date) and the rest sent, then accepted or declined; a few
    # went out one by one before the rest. The unsent round has proposals and a few sent.
    loader.load(
        BrokeringRound,
        ["id", "programme_id", "name", "status", "run_at", "sent_on"],
        (
            (
                r,
                pid,
                f"Round {r}",
                status,
                loader.connection.ops.adapt_datetimefield_value(
                    datetime.combine(run, datetime.min.time(), UTC)
                ),
                day(sent),
            )
            for r, (run, sent, status) in enumerate(ROUNDS, start=1)
        ),
    )
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
                        [("declined", "pending"), ("accepted", "declined")]
                    )
                added = status == "added"
                yield (
                    i,
                    pid,
                    r,
                    need[1],
                    offer[1],
                    need[0],
                    offer[0],
                    None if added else Decimal(f"{rng.uniform(20, 100):.4f}"),
                    status,
                    day(on),
                    innovator_answer,
                    partner_answer,
                )

    counts["introductions"] = loader.load(
        Introduction,
        [
            "id",
            "programme_id",
            "round_id",
            "innovator_id",
            "partner_id",
            "need_id",
            "offer_id",
            "score",
            "status",
            "sent_on",
            "innovator_response",
            "partner_response",
        ],
        introductions(),
    )

    # Competitions sponsored by funders or businesses; innovators enter each at most once.
    n_entries = max(n_organisations // 20, 60)
    loader.load(
        Competition,
        [
            "id",
            "programme_id",
            "name",
            "sponsor_id",
            "prize_fund_minor",
            "prize_fund_currency",
            "launch_date",
        ],
        (
            (
                c,
                pid,
                f"Challenge prize {c}",
                rng.choice(funders) if c % 2 else partner(),
                rng.choice([50_000, 100_000, 250_000, 1_000_000]) * 100,
                "GBP",
                day(launched),
            )
            for c, (launched, _) in enumerate(COMPETITIONS, start=1)
        ),
    )

    # Two stages each, an open call and a final: the first competition's final ends before
    # the programme (its sponsor does not count), the fifth's has no end date yet.
    def stages():
        for c, (launched, _) in enumerate(COMPETITIONS, start=1):
            final_ends = None if c == 5 else day(launched + timedelta(days=119))
            yield 2 * c - 1, c, "Open call", day(launched), day(launched + timedelta(days=89))
            yield 2 * c, c, "Final", day(launched + timedelta(days=90)), final_ends

    loader.load(
        CompetitionStage, ["id", "competition_id", "name", "starts_on", "ends_on"], stages()
    )

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
