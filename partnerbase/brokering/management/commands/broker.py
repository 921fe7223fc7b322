"""`partnerbase broker solve PROBLEM.json [--mode optimal|stable] -o RESULT.json`.

Solves a pre-scored brokering problem exactly with the engine (partnerbase.matching), for
operators and for checking. PROBLEM is
`{"innovators": [{"id", "capacity", "min_introductions"}], "partners": [{"id", "capacity"}],
"pairs": [{"innovator", "partner", "score"}]}`; RESULT is
`{"introductions": [{"innovator", "partner", "score"}], "objective", "shortfall", "optimal",
"mode"}` (and "stable_cost" in stable mode), sorted, so the same problem gives the same file.
Malformed input: an error naming the offending entry, and exit status 2.
See docs/algorithms/brokering.md.
"""

import json
import sys

from django.core.management.base import CommandError

from partnerbase.core.commands import BadInput, InputCommand
from partnerbase.core.jsonfiles import BadJSON, load_json
from partnerbase.matching import ProblemError, parse_problem, solve
from partnerbase.matching.problem import collector_paused


class Command(InputCommand):
    help = "Brokering: `broker solve PROBLEM.json -o RESULT.json` solves a pre-scored round."
    # Solving reads a file and touches no model or page. The system checks import every
    # page (the report's charts bring in matplotlib): 0.6 s before a solve even starts.
    requires_system_checks = []

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        solver = actions.add_parser(
            "solve", help="the exact optimum (or a stable round) of a pre-scored problem"
        )
        solver.add_argument("problem", metavar="PROBLEM.json", help="the problem ('-': stdin)")
        solver.add_argument(
            "--mode",
            choices=["optimal", "stable"],
            default="optimal",
            help="optimal: fewest innovators short of their minimum, then the highest total "
            "score (default); stable: no innovator and partner who would both rather have "
            "each other, with the score that costs",
        )
        solver.add_argument(
            "-o",
            "--output",
            metavar="RESULT.json",
            default="-",
            help="where to write the result (default '-': stdout)",
        )

    def handle(self, *args, action: str, problem: str, mode: str, output: str, **options):
        with collector_paused():  # see matching/problem.py: no cycles among what is made
            data = self._read(problem)
            try:
                parsed = parse_problem(data)
            except ProblemError as error:
                raise BadInput(f"{problem}: {error}") from error
            solution = solve(parsed, mode=mode)
            text = result_text(solution.as_dict())
        if output == "-":
            self.stdout.write(text, ending="")
            return
        try:
            with open(output, "w", encoding="utf-8") as file:
                file.write(text)
        except OSError as error:
            raise CommandError(f"Cannot write {output}: {error.strerror}") from error
        self.stdout.write(
            f"{len(solution.introductions):,} introductions, objective {solution.objective:,}, "
            f"shortfall {solution.shortfall:,} ({mode}) written to {output}"
        )

    def _read(self, name: str):
        try:
            if name == "-":
                return load_json(sys.stdin.read())
            with open(name, encoding="utf-8") as file:
                return load_json(file.read())
        except OSError as error:
            raise BadInput(f"Cannot read {name}: {error.strerror}") from error
        except UnicodeDecodeError as error:
            raise BadInput(f"{name}: not UTF-8 text: {error}") from error
        except BadJSON as error:
            raise BadInput(f"{name}: {error}") from error


def result_text(result: dict) -> str:
    """The result as JSON, one introduction to a line. (json's own indent= takes its
    pure-Python path: 0.4 s for 30,000 introductions.)"""
    rest = dict(result)
    introductions = rest.pop("introductions")
    lines = ",\n  ".join(json.dumps(i, ensure_ascii=False) for i in introductions)
    listed = f"[\n  {lines}\n ]" if introductions else "[]"
    tail = json.dumps(rest, ensure_ascii=False)[1:-1]
    return f'{{\n "introductions": {listed},\n {tail}\n}}\n'
