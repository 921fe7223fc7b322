#!/usr/bin/env python
"""Time the progress report (its sections, then its PDF) on the demo and on the figures
benchmark's large programme, and count the PDF's pages and the peak memory.

    python benchmarks/report.py [--organisations 100000] [--awards 1000000] [--skip-demo]

For the demo it reads `var/partnerbase.sqlite3` (build it with `partnerbase demo
--no-serve`). For the large programme it reads the figures benchmark's SQLite database,
`var/bench/figures-o…-a….sqlite3`, building it first (as `benchmarks/figures.py` does,
about a minute at full size) if it is not there. Each data set is measured in a child
process of its own, so the peak memory (the child's maximum resident set) is its own.
The PDF is written to `var/bench/report-….pdf` to be looked at.
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from figures_loader import SEED

ROOT = Path(__file__).resolve().parent.parent


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--organisations", type=int, default=100_000)
    parser.add_argument("--awards", type=int, default=1_000_000)
    parser.add_argument("--skip-demo", action="store_true", help="measure the large one only")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--slug", help=argparse.SUPPRESS)
    parser.add_argument("--name", help=argparse.SUPPRESS)
    parser.add_argument("--result", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def run_child(name: str, database: Path, slug: str, args) -> dict:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="partnerbase.settings",
        DATABASE_URL=f"sqlite:///{database}",
        DEBUG="0",
        PYTHONPATH=str(ROOT) + os.pathsep + env.get("PYTHONPATH", ""),
    )
    with tempfile.TemporaryDirectory() as tmp:
        result = Path(tmp) / "result.json"
        command = [
            sys.executable,
            __file__,
            "--child",
            "--slug",
            slug,
            "--name",
            name,
            "--organisations",
            str(args.organisations),
            "--awards",
            str(args.awards),
            "--result",
            str(result),
        ]
        subprocess.run(command, env=env, check=True, cwd=ROOT)
        return json.loads(result.read_text())


def child(args) -> int:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from partnerbase.core.period import programme_period
    from partnerbase.programmes.models import Programme
    from partnerbase.reports.report.build import build_report
    from partnerbase.reports.report.render import report_pdf

    # A database built by an older checkout gets this one's migrations first.
    call_command("migrate", verbosity=0, interactive=False)
    programme = Programme.objects.filter(slug=args.slug).first()
    if programme is None:
        from figures_data import generate

        started = time.perf_counter()
        programme = generate(connection, args.organisations, args.awards, args.slug)
        print(f"Data generated and loaded in {time.perf_counter() - started:.1f} s.", flush=True)

    period = programme_period(programme)
    timings = {}
    clock = [time.perf_counter()]

    cpu_clock = [time.process_time()]

    def progress(index, count, section):
        now = time.perf_counter()
        clock.append(now)
        cpu_clock.append(time.process_time())
        print(f"  [{index + 1}/{count}] {section.title}", flush=True)

    started, cpu = time.perf_counter(), time.process_time()
    report = build_report(programme, period, progress=progress)
    sections_cpu = time.process_time() - cpu
    clock.append(time.perf_counter())
    cpu_clock.append(time.process_time())
    sections_seconds = clock[-1] - started
    cpu_timings = {}
    for section, begin, end, cpu_begin, cpu_end in zip(
        report.sections, clock[1:-1], clock[2:], cpu_clock[1:-1], cpu_clock[2:], strict=True
    ):
        timings[section.title] = end - begin
        cpu_timings[section.title] = cpu_end - cpu_begin
    started, cpu = time.perf_counter(), time.process_time()
    pdf = report_pdf(report)
    pdf_seconds = time.perf_counter() - started
    pdf_cpu = time.process_time() - cpu
    out = ROOT / "var" / "bench" / f"report-{args.name}.pdf"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(pdf)

    from pypdf import PdfReader

    pages = len(PdfReader(str(out)).pages)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    organisations = programme_organisations(programme)
    Path(args.result).write_text(
        json.dumps(
            {
                "name": args.name,
                "organisations": organisations,
                "period": str(period),
                "sections_seconds": sections_seconds,
                "pdf_seconds": pdf_seconds,
                "sections_cpu": sections_cpu,
                "pdf_cpu": pdf_cpu,
                "pages": pages,
                "peak_mb": peak_mb,
                "bytes": len(pdf),
                "per_section": timings,
                "per_section_cpu": cpu_timings,
                "load": os.getloadavg()[0],
                "file": str(out.relative_to(ROOT)),
            }
        )
    )
    return 0


def programme_organisations(programme) -> int:
    from partnerbase.directory.models import Organisation

    return Organisation.objects.filter(programme=programme).count()


def print_table(rows: list[dict]) -> None:
    header = (
        "data set",
        "organisations",
        "sections s",
        "PDF s",
        "total s",
        "total CPU s",
        "pages",
        "peak MB",
        "PDF KB",
    )
    lines = [
        (
            r["name"],
            f"{r['organisations']:,}",
            f"{r['sections_seconds']:.1f}",
            f"{r['pdf_seconds']:.1f}",
            f"{r['sections_seconds'] + r['pdf_seconds']:.1f}",
            f"{r['sections_cpu'] + r['pdf_cpu']:.1f}",
            str(r["pages"]),
            f"{r['peak_mb']:.0f}",
            f"{r['bytes'] / 1024:.0f}",
        )
        for r in rows
    ]
    widths = [max(len(h), *(len(line[i]) for line in lines)) for i, h in enumerate(header)]
    print(
        "\nWall-clock seconds, and the CPU seconds this process used (the machine may be shared)."
    )
    print("  ".join(h.rjust(w) for h, w in zip(header, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for line in lines:
        print("  ".join(c.rjust(w) for c, w in zip(line, widths, strict=True)))
    for r in rows:
        cpu = r["per_section_cpu"]
        slowest = sorted(r["per_section"].items(), key=lambda item: -item[1])[:3]
        print(
            f"{r['name']} ({r['period']}): slowest sections "
            + ", ".join(f"{title} {s:.1f} s ({cpu[title]:.1f} s CPU)" for title, s in slowest)
            + f"; load average {r['load']:.1f} at the end; the PDF is {r['file']}"
        )


def main(argv=None) -> int:
    args = parse_args(argv if argv is not None else sys.argv[1:])
    if args.child:
        return child(args)
    rows = []
    if not args.skip_demo:
        demo = ROOT / "var" / "partnerbase.sqlite3"
        if not demo.exists():
            print("No demo database: run `partnerbase demo --no-serve` first.", file=sys.stderr)
            return 2
        print("The demo (IEP):", flush=True)
        rows.append(run_child("demo", demo, "iep", args))
    large = ROOT / "var" / "bench" / f"figures-o{args.organisations}-a{args.awards}.sqlite3"
    large.parent.mkdir(parents=True, exist_ok=True)
    print(f"The figures benchmark's programme ({args.organisations:,} organisations):", flush=True)
    rows.append(run_child(f"o{args.organisations}-a{args.awards}", large, f"bench-{SEED}", args))
    print_table(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
