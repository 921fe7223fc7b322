"""`partnerbase broker solve` end to end on a 500,000-pair problem, and where its time goes.

    taskset -c 0 .venv/bin/python benchmarks/broker_solve.py [--pairs 500000] [--repeat 3]

It writes a seeded PROBLEM.json (10,000 innovators, 2,000 partners, 50 candidate partners per
innovator by default) to var/bench/, then times, on one core:

- the command end to end (`partnerbase broker solve FILE -o RESULT`, run as
  `python -m partnerbase.cli` from this checkout in a new process: Python and Django
  starting, reading, checking, solving, writing), best of --repeat runs;
- in this process, each step alone: reading the file as JSON within the limits
  (`core.jsonfiles.load_json`), checking it (`matching.parse_problem`), the solve
  (`matching.solve`) and writing the result.

Each step is given as wall seconds and as CPU seconds (getrusage: the child's for the
command, this process's for the steps): on a shared, loaded machine the CPU seconds are
the fair measure.

The goal (issue 13): checking the input costs less than the solve, and the command end to
end takes under 2 s at 500,000 pairs.
"""

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from partnerbase.brokering.management.commands.broker import result_text  # noqa: E402
from partnerbase.core.jsonfiles import load_json  # noqa: E402
from partnerbase.matching import parse_problem, solve  # noqa: E402
from partnerbase.matching.problem import collector_paused  # noqa: E402


def problem(pairs: int, seed: int) -> dict:
    rng = random.Random(seed)
    innovators = max(1, pairs // 50)
    partners = max(50, innovators // 5)
    per = pairs // innovators
    doc = {
        "innovators": [
            {"id": f"inn-{i}", "capacity": 3, "min_introductions": 1} for i in range(innovators)
        ],
        "partners": [{"id": f"par-{p}", "capacity": 25} for p in range(partners)],
        "pairs": [],
    }
    for i in range(innovators):
        for p in rng.sample(range(partners), per):
            doc["pairs"].append(
                {
                    "innovator": f"inn-{i}",
                    "partner": f"par-{p}",
                    "score": rng.randint(0, 100_000) / 1000,
                }
            )
    return doc


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


class Timer:
    """Wall and CPU seconds of a block, added to `steps[name]` as a pair."""

    def __init__(self, steps: dict, name: str):
        self.runs, self.name = steps.setdefault(name, []), name

    def __enter__(self):
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def __exit__(self, *exc):
        self.runs.append((time.perf_counter() - self.wall, time.process_time() - self.cpu))


def best(runs: list[tuple[float, float]], column: int) -> float:
    return min(run[column] for run in runs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=int, default=500_000)
    parser.add_argument("--seed", type=int, default=2017)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    bench = ROOT / "var" / "bench"
    bench.mkdir(parents=True, exist_ok=True)
    path = bench / f"problem-{args.pairs}-{args.seed}.json"
    if not path.exists():
        path.write_text(json.dumps(problem(args.pairs, args.seed)), encoding="utf-8")
    result = bench / f"result-{args.pairs}-{args.seed}.json"
    # This checkout's code, whichever environment runs the script.
    command = [sys.executable, "-m", "partnerbase.cli", "broker", "solve", str(path)]
    paths = os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])
    env = os.environ | {"PYTHONPATH": paths}

    steps: dict[str, list[tuple[float, float]]] = {}
    for _ in range(args.repeat):
        cpu, start = children_cpu(), time.perf_counter()
        subprocess.run([*command, "-o", str(result)], check=True, capture_output=True, env=env)
        steps.setdefault("end to end (the command)", []).append(
            (time.perf_counter() - start, children_cpu() - cpu)
        )
        with Timer(steps, "read and load_json"), collector_paused():  # as the command reads
            data = load_json(path.read_text(encoding="utf-8"))
        with Timer(steps, "parse_problem"):
            parsed = parse_problem(data)
        with Timer(steps, "solve"):
            solution = solve(parsed)
        with Timer(steps, "write the result"):
            result_text(solution.as_dict())

    size = path.stat().st_size / 1e6
    print(f"broker solve: {len(parsed.pairs):,} pairs, {size:.1f} MB, best of {args.repeat}")
    print(f"{'step':<28} {'wall s':>8} {'CPU s':>8}")
    for name, runs in steps.items():
        print(f"{name:<28} {best(runs, 0):>8.2f} {best(runs, 1):>8.2f}")
    read, parse = steps["read and load_json"], steps["parse_problem"]
    checking = [best(read, c) + best(parse, c) for c in (0, 1)]
    print(f"{'checking the input':<28} {checking[0]:>8.2f} {checking[1]:>8.2f}")
    print(
        f"introductions {len(solution.introductions):,}, objective {solution.objective:,}, "
        f"shortfall {solution.shortfall:,}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
