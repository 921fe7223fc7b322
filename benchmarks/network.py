#!/usr/bin/env python
"""Time the partnership map on a large programme: 5,000 nodes and 20,000 edges by default.

    python benchmarks/network.py [--nodes 5000] [--edges 20000] [--repeat 3] [--browser]
    python benchmarks/network.py --database var/bench/figures-o100000-a1000000.sqlite3 \
        [--slug bench-20170101] [--repeat 1]

Migrates a fresh SQLite database (var/bench/network-n…-e….sqlite3), loads a seeded
programme with bulk inserts (not through the services: history rows are not what is
measured), then times the graph query, the measures, the layout (uncached), the SVG and
the JSON, and prints one table. With --browser it also serves the programme and opens the
map page in headless Chromium, reporting when the data had arrived and when Cytoscape.js
had built the graph and drew its first frame (the page's data-loaded-ms, data-built-ms and
data-rendered-ms; on a big map that frame holds the nodes, and data-edges-ms says when the
ties added after it were drawn too), and how long choosing a node from the keyboard list
takes.

The programme: 2% collaborative projects, 4% funders, 26% partners and the rest innovators
(each with a cohort place); 65% of the edges are partnerships (innovator and partner, the
partner drawn with Zipf-like weights, so a few are hubs; a fifth of innovators have none),
15% coalition memberships and 20% funding awards.

With --database it loads nothing: it reads a programme already there (the figures
benchmark's national one: 100,000 organisations and 1,000,000 awards) and times what the
report does with its map over the whole programme: the whole graph read with its edges
aggregated in SQL, the measures computed in the database with only the busiest 400 nodes
read (network/summary.py), and the SVG of those; with the peak memory of each.
"""

import argparse
import json
import os
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = 2017


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--edges", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--browser", action="store_true", help="also time the page in Chromium")
    parser.add_argument("--database", type=Path, help="an existing SQLite database to measure")
    parser.add_argument("--slug", default="bench-20170101", help="its programme (--database)")
    parser.add_argument("--step", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def national(args) -> None:
    """The report's map on an existing (national) programme, each step in a child process
    of its own so that each peak memory is its own."""
    import subprocess

    rows = []
    for step in ("graph", "summary"):
        command = [
            sys.executable,
            __file__,
            "--database",
            str(args.database),
            "--slug",
            args.slug,
            "--repeat",
            str(args.repeat),
            "--step",
            step,
        ]
        out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        rows += json.loads(out.strip().splitlines()[-1])
    width = max(len(label) for label, _ in rows)
    print(f"\n{args.database.name}, programme {args.slug}")
    print(f"{'what':<{width}}  result (median of {args.repeat})")
    for label, value in rows:
        print(f"{label:<{width}}  {value}")


def national_step(args) -> None:
    import resource

    os.environ["DATABASE_URL"] = f"sqlite:///{args.database.resolve()}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partnerbase.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from partnerbase.core.period import programme_period
    from partnerbase.network.graph import most_connected, sector_ties, without_partnership
    from partnerbase.network.queries import MapFilters, network_graph
    from partnerbase.network.summary import map_summary
    from partnerbase.network.svg import graph_svg
    from partnerbase.programmes.models import Programme

    programme = Programme.objects.get(slug=args.slug)
    filters = MapFilters(period=programme_period(programme))
    started = time.process_time()
    if args.step == "graph":
        t, graph = timed(args.repeat, lambda: network_graph(programme, filters=filters))
        t_measures, _ = timed(
            args.repeat,
            lambda: (most_connected(graph), without_partnership(graph), sector_ties(graph)),
        )
        rows = [
            (
                "nodes / edges (aggregated) on the whole map",
                f"{len(graph.nodes):,} / {len(graph.edges):,}",
            ),
            ("whole graph read into Python (network_graph)", f"{t:.1f} s"),
            ("  its measures in Python", f"{t_measures:.1f} s"),
        ]
    else:
        t, summary = timed(args.repeat, lambda: map_summary(programme, filters=filters, most=400))
        t_svg, svg = timed(
            args.repeat, lambda: graph_svg(programme, summary.drawn, filters=filters)
        )
        rows = [
            ("measured in the database (map_summary), 400 drawn", f"{t:.1f} s"),
            (
                "  nodes / edges counted; drawn nodes / edges",
                f"{summary.nodes:,} / {summary.edges:,}; "
                f"{len(summary.drawn.nodes):,} / {len(summary.drawn.edges):,}",
            ),
            ("  SVG of the drawn part", f"{t_svg:.2f} s, {len(svg) / 1e3:.0f} kB"),
        ]
    cpu = time.process_time() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rows.append((f"  CPU seconds, peak memory ({args.step})", f"{cpu:.1f} s, {peak:.0f} MB"))
    print(json.dumps(rows))


def setup_django(nodes: int, edges: int) -> None:
    path = ROOT / "var" / "bench" / f"network-n{nodes}-e{edges}.sqlite3"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partnerbase.settings")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # Playwright's loop in this thread
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def load(nodes: int, edges: int):
    """The seeded programme; returns it and its team member."""
    from partnerbase.accelerator.models import Accelerator, Cohort, CohortMembership
    from partnerbase.accounts.models import Role, User
    from partnerbase.accounts.services import membership_grant
    from partnerbase.brokering.models import Partnership, PartnershipPartner
    from partnerbase.directory.models import Organisation
    from partnerbase.funding.models import FundingAward
    from partnerbase.programmes.services import programme_create
    from partnerbase.projects.models import CoalitionMember, CollaborativeProject

    rng = random.Random(SEED)
    team = User.objects.create_superuser(email="bench@example.org", password="bench")
    programme = programme_create(
        actor=team,
        name="Benchmark",
        slug="bench",
        starts_on=date(2017, 1, 1),
        ends_on=date(2018, 12, 31),
    )
    membership_grant(actor=team, user=team, programme=programme, role=Role.TEAM)
    n_projects, n_funders = nodes // 50, nodes // 25
    n_partners = nodes * 26 // 100
    n_innovators = nodes - n_projects - n_funders - n_partners
    kinds = (
        [("funder", "civil_society")] * n_funders
        + [
            rng.choice(
                [
                    ("business", "business"),
                    ("charity", "civil_society"),
                    ("government_department", "public"),
                ]
            )
            for _ in range(n_partners)
        ]
        + [("social_enterprise", "civil_society")] * n_innovators
    )
    Organisation.objects.bulk_create(
        Organisation(programme=programme, name=f"Organisation {i:05d}", kind=k, sector_group=s)
        for i, (k, s) in enumerate(kinds)
    )
    orgs = list(Organisation.objects.filter(programme=programme).order_by("name"))
    funders = orgs[:n_funders]
    partners = orgs[n_funders : n_funders + n_partners]
    innovators = orgs[n_funders + n_partners :]
    accelerator = Accelerator.objects.create(
        programme=programme, name="Accelerator", starts_on=date(2017, 1, 1)
    )
    cohort = Cohort.objects.create(
        accelerator=accelerator, name="Cohort", starts_on=date(2017, 3, 1)
    )
    CohortMembership.objects.bulk_create(
        CohortMembership(cohort=cohort, organisation=o, joined_on=date(2017, 3, 1))
        for o in innovators
    )
    CollaborativeProject.objects.bulk_create(
        CollaborativeProject(
            programme=programme,
            name=f"Project {i:04d}",
            status="active",
            launch_date=date(2017, 6, 1),
        )
        for i in range(n_projects)
    )
    projects = list(CollaborativeProject.objects.filter(programme=programme))

    def day():
        return date(2017, 1, 1) + timedelta(days=rng.randrange(700))

    weights = [1 / (i + 1) ** 0.8 for i in range(len(partners))]
    active = innovators[: len(innovators) * 4 // 5]
    n_partnerships = edges * 65 // 100
    n_coalition = edges * 15 // 100
    n_awards = edges - n_partnerships - n_coalition
    Partnership.objects.bulk_create(
        Partnership(
            programme=programme,
            name=f"Partnership {i}",
            innovator=rng.choice(active),
            kind="funding",
            stage=rng.choice(["introduced", "confirmed", "active"]),
            proposed_on=day(),
        )
        for i in range(n_partnerships)
    )
    chosen = rng.choices(partners, weights, k=n_partnerships)
    PartnershipPartner.objects.bulk_create(
        PartnershipPartner(partnership=p, organisation=o)
        for p, o in zip(Partnership.objects.filter(programme=programme), chosen, strict=True)
    )
    members = set()
    while len(members) < n_coalition:
        members.add((rng.choice(projects), rng.choice(partners + innovators[:500])))
    CoalitionMember.objects.bulk_create(
        CoalitionMember(project=p, organisation=o, role="partner") for p, o in members
    )
    FundingAward.objects.bulk_create(
        FundingAward(
            programme=programme,
            title=f"Award {i}",
            instrument="grant",
            amount_minor=rng.randrange(100_000, 10_000_000),
            currency="GBP",
            award_date=day(),
            funder=rng.choice(funders),
            recipient=rng.choice(active),
        )
        for i in range(n_awards)
    )
    return programme, team


def timed(repeat, fn):
    """(median seconds, result) of `repeat` runs."""
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def browser_times(programme) -> list[tuple[str, str]]:
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.test.testcases import LiveServerThread
    from playwright.sync_api import sync_playwright

    server = LiveServerThread("127.0.0.1", StaticFilesHandler, port=0)
    server.daemon = True
    server.start()
    server.is_ready.wait()
    base = f"http://127.0.0.1:{server.port}"
    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--headless", "--no-sandbox", "--disable-gpu"],
        )
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(f"{base}/accounts/login/")
        page.fill("input[name=username]", "bench@example.org")
        page.fill("input[name=password]", "bench")
        with page.expect_navigation():
            page.get_by_role("button", name="Sign in").click()
        for attempt in ("first (layout computed)", "again (layout cached)"):
            started = time.perf_counter()
            page.goto(f"{base}/programmes/{programme.slug}/map/")
            html = time.perf_counter() - started
            page.wait_for_selector("#network-map[data-ready='true']", timeout=300_000)
            ready = time.perf_counter() - started
            loaded = page.get_attribute("#network-map", "data-loaded-ms")
            built = page.get_attribute("#network-map", "data-built-ms")
            drawn = page.get_attribute("#network-map", "data-rendered-ms")
            edges = page.get_attribute("#network-map", "data-edges-ms") or drawn
            rows += [
                (f"page HTML, {attempt}", f"{html:.2f} s"),
                (
                    "  after the script started: JSON in / built / first frame / all ties drawn",
                    f"{int(loaded) / 1000:.2f} / {int(built) / 1000:.2f} / "
                    f"{int(drawn) / 1000:.2f} / {int(edges) / 1000:.2f} s",
                ),
                (f"  map drawn after navigation, {attempt}", f"{ready:.2f} s"),
            ]
            # Does the map still answer? Time picking a node from the keyboard list.
            started = time.perf_counter()
            page.locator("#map-node").select_option(index=1)
            page.wait_for_selector("[data-map-selected]:not([hidden])")
            rows.append(("  choose a node from the list", f"{time.perf_counter() - started:.2f} s"))
        browser.close()
    server.terminate()
    return rows


def main(argv=None):
    args = parse_args(argv if argv is not None else sys.argv[1:])
    if args.database and args.step:
        return national_step(args)
    if args.database:
        return national(args)
    setup_django(args.nodes, args.edges)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from partnerbase.network.drawing import draw
    from partnerbase.network.graph import most_connected, sector_ties, without_partnership
    from partnerbase.network.layout import layout
    from partnerbase.network.maps import map_data, map_side
    from partnerbase.network.queries import network_graph

    started = time.perf_counter()
    programme, team = load(args.nodes, args.edges)
    print(f"loaded in {time.perf_counter() - started:.1f} s (not counted)")

    with CaptureQueriesContext(connection) as queries:
        network_graph(programme, user=team)
    t_query, graph = timed(args.repeat, lambda: network_graph(programme, user=team))
    t_measures, _ = timed(
        args.repeat,
        lambda: (most_connected(graph), without_partnership(graph), sector_ties(graph)),
    )
    side = map_side(len(graph.nodes))
    ids = [n.id for n in graph.nodes]
    pairs = [(e.source, e.target) for e in graph.edges]
    t_layout, positions = timed(args.repeat, lambda: layout(ids, pairs, width=side, height=side))
    t_svg, svg = timed(
        args.repeat,
        lambda: draw(
            graph, positions, title="Map", description="Benchmark", width=side, height=side
        ),
    )
    t_json, body = timed(args.repeat, lambda: json.dumps(map_data(graph, positions)))
    rows = [
        ("nodes / edges on the map", f"{len(graph.nodes):,} / {len(graph.edges):,}"),
        ("graph query (network_graph)", f"{t_query:.2f} s, {len(queries)} queries"),
        ("measures (ranking, no partnership, sectors)", f"{t_measures:.2f} s"),
        (f"layout ({side:.0f} × {side:.0f}, uncached)", f"{t_layout:.2f} s"),
        ("SVG", f"{t_svg:.2f} s, {len(svg) / 1e6:.1f} MB"),
        ("JSON", f"{t_json:.2f} s, {len(body) / 1e6:.1f} MB"),
    ]
    if args.browser:
        rows += browser_times(programme)
    width = max(len(label) for label, _ in rows)
    print(f"\n{'what':<{width}}  time (median of {args.repeat})")
    for label, value in rows:
        print(f"{label:<{width}}  {value}")


if __name__ == "__main__":
    main()
