"""Records the figures benchmark's database lacks, for benchmarks/lists.py: a disbursement
for each award, outcome indicators with observations, working groups with ideas, and a long
history of one organisation. Added in bulk (no history rows of their own: the lists read
them), once: a database that has disbursements already is left as it is."""

import itertools
import time
from datetime import date, timedelta

from django.db import transaction

BATCH = 5000


def _say(what: str, started: float) -> None:
    print(f"added {what} in {time.perf_counter() - started:.1f} s", flush=True)


def add_records(programme) -> None:
    from partnerbase.funding.models import Disbursement, FundingAward

    if Disbursement.objects.filter(award__programme=programme).exists():
        return
    with transaction.atomic():
        started = time.perf_counter()
        awards = FundingAward.objects.filter(programme=programme).values_list(
            "pk", "award_date", "amount_minor"
        )
        rows = (
            Disbursement(
                award_id=pk,
                kind="actual" if n % 3 else "planned",
                on=on + timedelta(days=30),
                amount_minor=amount,
            )
            for n, (pk, on, amount) in enumerate(awards.iterator(chunk_size=BATCH))
        )
        _bulk(Disbursement, rows)
        _say("a disbursement for each award", started)
        _observations(programme)
        _ideas(programme)
        _history(programme)


def _bulk(model, rows) -> None:
    while batch := list(itertools.islice(rows, BATCH)):
        model.objects.bulk_create(batch)


def _observations(programme) -> None:
    from partnerbase.directory.models import Organisation
    from partnerbase.outcomes.models import OutcomeIndicator, OutcomeObservation

    started = time.perf_counter()
    orgs = list(Organisation.objects.filter(programme=programme).order_by("pk")[:20000])
    kinds = ["people_reached", "participants_served", "young_people_into_work", "cities"]
    OutcomeIndicator.objects.bulk_create(
        OutcomeIndicator(
            programme=programme,
            organisation=o,
            kind=kinds[n % 4],
            name=kinds[n % 4].replace("_", " ").capitalize(),
            unit="people",
        )
        for n, o in enumerate(orgs)
    )
    indicators = OutcomeIndicator.objects.filter(programme=programme).values_list("pk", flat=True)
    rows = (
        OutcomeObservation(
            indicator_id=pk,
            observed_on=date(2022, 1, 1) + timedelta(days=91 * step),
            value=100 * step + n % 97,
            quality="verified" if (n + step) % 5 == 0 else "estimate",
        )
        for n, pk in enumerate(indicators)
        for step in range(10)
    )
    _bulk(OutcomeObservation, rows)
    _say("200,000 outcome observations of 20,000 indicators", started)


def _ideas(programme) -> None:
    from partnerbase.challenges.models import ChallengeArea
    from partnerbase.directory.models import Person
    from partnerbase.workinggroups.models import Idea, WorkingGroup, WorkingGroupMember

    started = time.perf_counter()
    statuses = ["idea", "shortlisted", "parked", "idea"]
    for g in range(4):
        area = ChallengeArea.objects.create(
            programme=programme, name=f"Bench challenge {g}", slug=f"bench-challenge-{g}"
        )
        group = WorkingGroup.objects.create(
            programme=programme, challenge_area=area, name=f"Bench group {g}"
        )
        person = Person.objects.create(programme=programme, name=f"Bench member {g}")
        member = WorkingGroupMember.objects.create(
            working_group=group, person=person, joined_on=date(2022, 1, 1)
        )
        rows = (
            Idea(
                working_group=group,
                title=f"Idea {g}-{n:05}",
                description="A benchmark idea",
                proposed_by=member,
                proposed_on=date(2022, 1, 1) + timedelta(days=n % 700),
                status=statuses[n % 4],
            )
            for n in range(5000)
        )
        _bulk(Idea, rows)
    _say("20,000 ideas in 4 working groups", started)


def _history(programme) -> None:
    from django.utils import timezone

    from partnerbase.directory.models import Organisation

    started = time.perf_counter()
    organisation = Organisation.objects.filter(programme=programme).order_by("pk").first()
    Historical = Organisation.history.model
    fields = [f.attname for f in Organisation._meta.concrete_fields]
    base = {name: getattr(organisation, name) for name in fields}
    when = timezone.now() - timedelta(days=2000)
    rows = (
        Historical(
            **{**base, "employee_count": n},
            history_date=when + timedelta(hours=2 * n),
            history_type="+" if n == 0 else "~",
            history_change_reason="Benchmark change",
        )
        for n in range(20000)
    )
    _bulk(Historical, rows)
    _say("20,000 changes of one organisation", started)
