"""The pages benchmark's table (benchmarks/pages.py): per page its answers, requests,
requests per second and latencies, marked against the targets."""

P95_TARGET_MS = 150
SHARE_TARGET = 5  # the dashboard and public page at 1/5 of /healthz's throughput or more
SHARED_PAGES = ("dashboard", "public page")


def print_run(run: dict, args) -> None:
    # The better of the two: other work on the machine, or workers still starting, only
    # ever lower it.
    healthz_rps = max(h["rps"] for h in run["healthz"])
    before, after = run["load_average"][:3], run["load_average"][3:]
    print(f"\n{run['header']}")
    print(
        f"gunicorn {args.workers} workers x {args.threads} threads, {args.clients} clients, "
        + (f"{args.requests} requests" if args.requests else f"{args.seconds:g} s")
        + f" a page; load average {before[0]:.2f} before, {after[0]:.2f} after "
        f"(2-core machine shared with other work)"
    )
    header = (
        "page",
        "role",
        "answers",
        "requests",
        "rps",
        "p50 ms",
        "p95 ms",
        "p99 ms",
        "/healthz",
        "",
    )
    lines = []
    for r in run["healthz"] + run["rows"]:
        if "rps" not in r:
            lines.append(
                (r["page"], r["role"], r["status"] or "-", "", "", "", "", "", "", r["note"])
            )
            continue
        flags = []
        if not r["ok"]:
            flags.append("ERRORS")
        if r["page"] != "healthz" and r["p95"] > P95_TARGET_MS:
            flags.append(f"p95 > {P95_TARGET_MS} ms")
        share = ""
        if r["page"] in SHARED_PAGES and r["rps"]:
            share = f"1/{healthz_rps / r['rps']:.0f}"
            if healthz_rps / r["rps"] > SHARE_TARGET:
                flags.append(f"under 1/{SHARE_TARGET} of /healthz")
        flags += [r["note"]] if r["note"] else []
        lines.append(
            (
                r["page"],
                r["role"],
                r["status"],
                str(r["requests"]),
                f"{r['rps']:.1f}",
                f"{r['p50']:.0f}",
                f"{r['p95']:.0f}",
                f"{r['p99']:.0f}",
                share,
                "; ".join(flags),
            )
        )
    widths = [max(len(h), *(len(line[i]) for line in lines)) for i, h in enumerate(header)]
    left = {0, 1, 2, 9}
    for line in [header, tuple("-" * w for w in widths)] + lines:
        cells = [
            c.ljust(w) if i in left else c.rjust(w)
            for i, (c, w) in enumerate(zip(line, widths, strict=True))
        ]
        print("  ".join(cells).rstrip())
    measured = [r for r in run["rows"] if "rps" in r]
    over = [r for r in measured if r["p95"] > P95_TARGET_MS]
    print(
        f"{len(measured)} pages measured, {len(over)} over the p95 target; "
        f"/healthz {healthz_rps:.0f} requests a second (the better of the first and last); "
        f"{run['elapsed_seconds']} s with the data's preparation"
    )
    if run["probed_only"]:
        print(
            "Probed, not loaded (neither a list nor in the role's navigation; --pages all "
            "loads them): " + ", ".join(run["probed_only"])
        )
