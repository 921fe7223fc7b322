#!/usr/bin/env python
"""Query counts and times of the REST API's lists on the IEP demo programme.

    python benchmarks/api.py [--repeat 3]

Migrates a fresh SQLite database (var/bench/api.sqlite3), builds the demo through the
services (`partnerbase demo`'s build_iep), then, as the convening team with a bearer token,
calls every list endpoint and the figures with 50 and with 500 records a page, and prints
the queries each call made and its median time. A list whose queries grow with the page
size reads a relation record by record (an N+1).
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup_django() -> None:
    path = ROOT / "var" / "bench" / "api.sqlite3"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partnerbase.settings")
    os.environ["API_RATE"] = "1000000/hour"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    setup_django()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse
    from rest_framework.test import APIClient

    from partnerbase.accounts.api_tokens import api_token_create
    from partnerbase.accounts.models import Membership, Role
    from partnerbase.api.reads import KINDS
    from partnerbase.api.reads_more import MORE_KINDS
    from partnerbase.demo.iep import build_iep

    started = time.perf_counter()
    programme = build_iep()
    built = time.perf_counter() - started
    team = Membership.objects.filter(programme=programme, role=Role.TEAM).first().user
    _, token = api_token_create(actor=team, user=team, name="benchmark")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    client.get(reverse("api:programme_list"))  # notes the token's first use
    print(f"IEP demo built in {built:.1f} s\n")
    print(f"{'endpoint':<34}{'records':>8}{'q@50':>6}{'q@500':>7}{'ms@50':>8}{'ms@500':>8}")
    urls = [
        (k.path, reverse(f"api:{k.path}-list", args=[programme.slug])) for k in KINDS + MORE_KINDS
    ]
    urls.append(("people", reverse("api:people-list", args=[programme.slug])))
    urls.append(("figures", reverse("api:figures", args=[programme.slug])))
    for name, url in urls:
        row = [name]
        counts, times = [], []
        for size in (50, 500):
            elapsed = []
            for _ in range(args.repeat):
                with CaptureQueriesContext(connection) as queries:
                    start = time.perf_counter()
                    answer = client.get(url, {"page_size": size})
                    elapsed.append(time.perf_counter() - start)
            assert answer.status_code == 200, (url, answer.status_code)
            counts.append(len(queries))
            times.append(statistics.median(elapsed) * 1000)
        body = answer.json()
        records = body.get("count", len(body.get("figures", {})))
        row = f"{name:<34}{records:>8}{counts[0]:>6}{counts[1]:>7}{times[0]:>8.0f}{times[1]:>8.0f}"
        print(row)


if __name__ == "__main__":
    main()
