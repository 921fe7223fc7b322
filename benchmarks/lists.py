#!/usr/bin/env python
"""Time the long lists on a national programme: each list's first page, a middle page with
a filter, and the memory of its CSV download.

    python benchmarks/lists.py --database /tmp/lists-bench.sqlite3 [--slug SLUG] [--repeat 3]

Reads a programme already in the database (by default the one with the most funding
awards: the figures benchmark's national one, 100,000 organisations, 1,000,000 awards,
50,000 partnerships, 100,000 introductions). Work on a COPY of
var/bench/figures-o100000-a1000000.sqlite3: the script signs in a superuser it makes there.
Each page is asked for through the Django test client, as the superuser, so the time is the
whole page (filters, count, one page of rows, template). The CSV's rows are read as a
browser would, chunk by chunk; the peak Python memory while streaming them (tracemalloc) and
the process's peak RSS are printed with the rows and bytes written.
"""

import argparse
import os
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", required=True, help="a copy of a benchmark database")
    parser.add_argument("--slug", help="the programme (default: the most awards)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-csv", action="store_true", help="pages only")
    parser.add_argument("--only", help="comma-separated list names")
    parser.add_argument(
        "--csv-growth",
        action="store_true",
        help="only the funding ledger's CSV for one, two and four months of awards: the "
        "peak memory should not grow with the rows",
    )
    parser.add_argument(
        "--add-records",
        action="store_true",
        help="first add what the figures benchmark lacks, once: a disbursement for each "
        "award, 200,000 outcome observations, 20,000 ideas and 20,000 changes of one "
        "organisation (in bulk, without history: they are read, not audited)",
    )
    parser.add_argument(
        "--csv-filtered",
        action="store_true",
        help="download the filtered rows (the middle page's query) rather than every row",
    )
    return parser.parse_args(argv)


def setup(database: str):
    os.environ["DATABASE_URL"] = f"sqlite:///{Path(database).resolve()}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partnerbase.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


# (name, url name and its arguments after the programme, a filter that keeps part of the
# rows; for the figures' drill-downs, a shorter period)
LISTS = [
    ("partnerships", "brokering:partnership_list", "stage=confirmed&sort=-confirmed"),
    ("funding ledger", "funding:ledger", "instrument=grant"),
    ("needs", "brokering:need_list", "status=open&sort=innovator"),
    ("offers", "brokering:offer_list", "status=open&sort=partner"),
    ("organisations", "directory:organisation_list", "kind=charity&sort=name"),
    ("engagements", "directory:engagement_list", "kind=meeting&sort=organisation"),
    ("people", "directory:person_list", "q=a"),
    ("disbursements", "funding:disbursement_list", "kind=actual&sort=amount"),
    ("ideas", "workinggroups:idea_list", "status=parked&sort=title"),
    ("observations", "outcomes:observation_list", "quality=verified&sort=value"),
    (
        "history",
        "directory:organisation_history HISTORY",
        "action=~&changed_on__gte_0=1&changed_on__gte_1=1&changed_on__gte_2=2020",
    ),
    # The team's change log: every kind's history rows in the programme (core/changes.py).
    (
        "change log",
        "changes:log",
        "kind=directory.organisation&action=~&changed_on__gte_0=1&changed_on__gte_1=1"
        "&changed_on__gte_2=2020",
    ),
    (
        "drill: engaged",
        "reports:figure_detail organisations_engaged",
        "start_0=1&start_1=1&start_2=2023&end_0=30&end_1=6&end_2=2023",
    ),
    (
        "drill: funding",
        "reports:figure_detail additional_funding",
        "start_0=1&start_1=1&start_2=2023&end_0=30&end_1=6&end_2=2023",
    ),
    (
        "drill: confirmed",
        "reports:figure_detail partnerships_confirmed",
        "start_0=1&start_1=1&start_2=2023&end_0=30&end_1=6&end_2=2023",
    ),
    ("drill: search", "reports:figure_detail organisations_engaged", "q=org+1&sort=-name"),
]


def superuser():
    from django.contrib.auth import get_user_model

    User = get_user_model()
    user = User.objects.filter(is_superuser=True).first()
    if user is None:
        user = User.objects.create_superuser(email="bench-lists@example.org", password="x")
    return user


def timed(client, url: str, repeat: int) -> tuple[float, int, int]:
    times, status, count = [], 0, 0
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - started)
        status = response.status_code
        body = response.content.decode()
        marker = 'data-list-count="'
        if marker in body:
            count = int(body.split(marker, 1)[1].split('"', 1)[0])
    return statistics.median(times), status, count


def csv_memory(client, url: str) -> tuple[float, float, int, int]:
    """Seconds, peak traced MiB, rows and bytes of the streamed CSV."""
    tracemalloc.start()
    started = time.perf_counter()
    response = client.get(url)
    rows = size = 0
    for chunk in response.streaming_content:
        size += len(chunk)
        rows += 1
    seconds = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return seconds, peak / 2**20, rows - 1, size


def main(argv=None):
    args = parse_args(argv or sys.argv[1:])
    setup(args.database)
    from django.test import Client
    from django.urls import reverse

    from partnerbase.programmes.models import Programme

    if args.slug:
        programme = Programme.objects.get(slug=args.slug)
    else:
        programme = max(Programme.objects.all(), key=_awards)
    if args.add_records:
        from records import add_records  # benchmarks/records.py

        add_records(programme)
    client = Client()
    client.force_login(superuser())
    if args.csv_growth:
        return csv_growth(client, reverse("funding:ledger", args=[programme.slug]))
    only = set(args.only.split(",")) if args.only else None
    print(f"programme {programme.slug}; median of {args.repeat}; CSV peak = tracemalloc")
    header = (
        f"{'list':<16} {'rows':>9} {'first page s':>12} {'filtered rows':>13} "
        f"{'middle page s':>13} {'CSV rows':>9} {'CSV s':>7} {'CSV peak MiB':>12}"
    )
    print(header)
    print("-" * len(header))
    for name, url_name, query in LISTS:
        if only and name not in only:
            continue
        url_name, *more = url_name.split()
        if more == ["HISTORY"]:
            more = [_most_changed(programme)]
        url = reverse(url_name, args=[programme.slug, *more])
        first, status, rows = timed(client, url, args.repeat)
        _, _, filtered = timed(client, f"{url}?{query}", 1)
        middle_page = max(1, (filtered // 50) // 2)
        middle, status2, _ = timed(client, f"{url}?{query}&page={middle_page}", args.repeat)
        if status != 200 or status2 != 200:
            print(f"{name:<16} answered {status} / {status2}")
            continue
        csv = ("", "", "")
        if not args.no_csv:
            csv_query = f"{query}&format=csv" if args.csv_filtered else "format=csv"
            seconds, peak, csv_rows, _ = csv_memory(client, f"{url}?{csv_query}")
            csv = (f"{csv_rows:,}", f"{seconds:.1f}", f"{peak:.1f}")
        print(
            f"{name:<16} {rows:>9,} {first:>12.3f} {filtered:>13,} {middle:>13.3f} "
            f"{csv[0]:>9} {csv[1]:>7} {csv[2]:>12}"
        )
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"process peak RSS: {rss:.0f} MiB")


def csv_growth(client, url: str):
    print(
        f"{'awards dated':<26} {'CSV rows':>9} {'seconds':>8} {'MiB written':>11} {'peak MiB':>9}"
    )
    for months in (1, 2, 4):
        query = f"award_date__gte=2023-01-01&award_date__lte=2023-{months:02}-28&format=csv"
        seconds, peak, rows, size = csv_memory(client, f"{url}?{query}")
        label = f"2023-01-01 to 2023-{months:02}-28"
        print(f"{label:<26} {rows:>9,} {seconds:>8.1f} {size / 2**20:>11.1f} {peak:>9.1f}")


def _most_changed(programme):
    from django.db.models import Count

    from partnerbase.directory.models import Organisation

    top = (
        Organisation.history.filter(programme_id=programme.pk)
        .values("uid")
        .annotate(n=Count("history_id"))
        .order_by("-n")
        .first()
    )
    return top["uid"] if top else Organisation.objects.filter(programme=programme).first().uid


def _awards(programme) -> int:
    from partnerbase.funding.models import FundingAward

    return FundingAward.objects.filter(programme=programme).count()


if __name__ == "__main__":
    main()
