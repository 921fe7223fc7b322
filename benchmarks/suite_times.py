"""Where the test suite's time goes: each test's setup, call and teardown, in wall time and in
the process's CPU time (which a loaded machine inflates far less), written as each phase ends
so a run cut short still tells.

    PYTHONPATH=benchmarks PB_TIMES=var/bench/times .venv/bin/pytest -p suite_times \\
        -n 2 --dist worksteal -p no:randomly
    .venv/bin/python benchmarks/suite_times.py var/bench/times [--top 30] [--by cpu|wall]

The first writes var/bench/times-<worker>.jsonl; the second prints the slowest tests, the
slowest setups (fixtures) and the totals per app.
"""

import argparse
import collections
import glob
import json
import os
import time

import pytest

_out = None


def _record(item, when: str, wall0: float, cpu0: float) -> None:
    global _out
    if _out is None:
        prefix = os.environ.get("PB_TIMES", "var/bench/times")
        os.makedirs(os.path.dirname(prefix) or ".", exist_ok=True)
        worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
        _out = open(f"{prefix}-{worker}.jsonl", "a", buffering=1, encoding="utf-8")  # noqa: SIM115
    row = {
        "id": item.nodeid,
        "when": when,
        "wall": round(time.perf_counter() - wall0, 4),
        "cpu": round(time.process_time() - cpu0, 4),
    }
    _out.write(json.dumps(row) + "\n")


def _timed(when):
    @pytest.hookimpl(wrapper=True)
    def hook(item, *args):
        wall0, cpu0 = time.perf_counter(), time.process_time()
        try:
            return (yield)
        finally:
            _record(item, when, wall0, cpu0)

    return hook


pytest_runtest_setup = _timed("setup")
pytest_runtest_call = _timed("call")
pytest_runtest_teardown = _timed("teardown")


def _where(nodeid: str) -> str:
    parts = nodeid.split("::")[0].split("/")
    if parts[0] == "partnerbase" or parts[1] == "browser":
        return "/".join(parts[:2])
    return "/".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("prefix")
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--by", choices=["cpu", "wall"], default="cpu")
    args = parser.parse_args()
    rows = [json.loads(line) for f in glob.glob(f"{args.prefix}-*.jsonl") for line in open(f)]
    tests = collections.defaultdict(lambda: {"wall": 0.0, "cpu": 0.0})
    setups = {}
    for r in rows:
        tests[r["id"]]["wall"] += r["wall"]
        tests[r["id"]]["cpu"] += r["cpu"]
        if r["when"] == "setup":
            setups[r["id"]] = {"wall": r["wall"], "cpu": r["cpu"]}
    wall, cpu = (sum(t[k] for t in tests.values()) for k in ("wall", "cpu"))
    print(f"{len(tests)} tests; sum of durations: wall {wall:.0f} s, CPU {cpu:.0f} s\n")
    for title, table in (("tests (setup + call + teardown)", tests), ("setups", setups)):
        print(f"| slowest {args.top} {title} | wall s | CPU s |\n|---|---:|---:|")
        for nodeid, t in sorted(table.items(), key=lambda kv: -kv[1][args.by])[: args.top]:
            print(f"| {nodeid} | {t['wall']:.1f} | {t['cpu']:.1f} |")
        print()
    apps = collections.defaultdict(lambda: [0, 0.0, 0.0])
    for nodeid, t in tests.items():
        a = apps[_where(nodeid)]
        a[0], a[1], a[2] = a[0] + 1, a[1] + t["wall"], a[2] + t["cpu"]
    print("| where | tests | wall s | CPU s |\n|---|---:|---:|---:|")
    for where, (n, w, c) in sorted(
        apps.items(), key=lambda kv: -kv[1][2 if args.by == "cpu" else 1]
    ):
        print(f"| {where} | {n} | {w:.0f} | {c:.0f} |")


if __name__ == "__main__":
    main()
