#!/usr/bin/env python
"""CPU time of importing a slice of an interchange file, in this process (quick to repeat).

    DATABASE_URL=sqlite:///EMPTY.sqlite3 DEBUG=0 PYTHONPATH=TREE \\
        python benchmarks/interchange_steps.py FILE [--organisations 3000] [--profile]

Keeps the file's targets, exchange rates and challenge areas, its first N organisations
and up to N of their engagements, empties every other array, then prints the records, the
CPU seconds of the checks and of the import (records per CPU second), and with --profile
the 30 functions that took longest. Point PYTHONPATH at another checkout for its figures.
"""

import argparse
import cProfile
import json
import pstats
import time

import django


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--organisations", type=int, default=3000)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    django.setup()
    from partnerbase.interchange.checks import document_problems
    from partnerbase.interchange.importer import programme_import

    data = json.loads(open(args.file, encoding="utf-8").read())
    kept = ("targets", "exchange_rates", "challenge_areas", "organisations", "engagements")
    for array, records in data.items():
        if isinstance(records, list) and array not in kept:
            data[array] = []
    data["organisations"] = data["organisations"][: args.organisations]
    ids = {o["id"] for o in data["organisations"]}
    engagements = [e for e in data["engagements"] if e["organisation"] in ids]
    data["engagements"] = engagements[: args.organisations]
    records = 1 + sum(len(data[a]) for a in kept)

    started = time.process_time()
    problems = document_problems(data)
    checks = time.process_time() - started
    assert not problems, problems[:3]
    profile = cProfile.Profile()
    started = time.process_time()
    if args.profile:
        profile.enable()
    programme_import(data=data)
    if args.profile:
        profile.disable()
    seconds = time.process_time() - started
    print(f"{records:,} records: checks {checks:.2f} CPU s, import {seconds:.2f} CPU s, ")
    print(f"{records / seconds:,.0f} records per CPU second")
    if args.profile:
        pstats.Stats(profile).sort_stats("tottime").print_stats(30)


if __name__ == "__main__":
    main()
