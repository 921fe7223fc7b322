"""`partnerbase broker solve`: results, determinism and exit status 2 on malformed input.

The command reads and writes files only; no test here touches the database."""

import json
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

ROOT = Path(__file__).resolve().parents[3]
PARTNERBASE = Path(sys.executable).with_name("partnerbase")

PROBLEM = {
    "innovators": [
        {"id": "acorn", "capacity": 1, "min_introductions": 1},
        {"id": "birch", "capacity": 1, "min_introductions": 1},
    ],
    "partners": [{"id": "bank", "capacity": 1}, {"id": "mint", "capacity": 1}],
    "pairs": [
        {"innovator": "acorn", "partner": "bank", "score": 100},
        {"innovator": "acorn", "partner": "mint", "score": 1},
        {"innovator": "birch", "partner": "bank", "score": 50},
    ],
}


def write(tmp_path, data, name="problem.json") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data))
    return path


def test_solve_writes_the_optimal_result(tmp_path):
    result = tmp_path / "result.json"
    out = StringIO()
    call_command("broker", "solve", str(write(tmp_path, PROBLEM)), "-o", str(result), stdout=out)
    # Fewest innovators short first: acorn gives up its 100 so that birch gets bank.
    assert json.loads(result.read_text()) == {
        "introductions": [
            {"innovator": "acorn", "partner": "mint", "score": 1.0},
            {"innovator": "birch", "partner": "bank", "score": 50.0},
        ],
        "objective": 51.0,
        "shortfall": 0,
        "optimal": True,
        "mode": "optimal",
    }
    assert "2 introductions, objective 51.0, shortfall 0" in out.getvalue()


def test_stable_mode_reports_its_cost(tmp_path):
    out = StringIO()
    call_command("broker", "solve", str(write(tmp_path, PROBLEM)), "--mode", "stable", stdout=out)
    result = json.loads(out.getvalue())
    # acorn and bank prefer each other to anything else: a stable round must pair them.
    assert result["introductions"] == [{"innovator": "acorn", "partner": "bank", "score": 100.0}]
    assert (result["shortfall"], result["optimal"], result["mode"]) == (1, False, "stable")
    # The best round with at most 1 innovator short is that same one: no score given up.
    assert result["stable_cost"] == 0.0


def test_the_result_is_the_same_whatever_the_order_of_the_input(tmp_path):
    reordered = {key: list(reversed(value)) for key, value in PROBLEM.items()}
    outputs = []
    for n, data in enumerate([PROBLEM, reordered, PROBLEM]):
        out = StringIO()
        call_command("broker", "solve", str(write(tmp_path, data, f"p{n}.json")), stdout=out)
        outputs.append(out.getvalue())
    assert outputs[0] == outputs[1] == outputs[2]


@pytest.mark.parametrize(
    "data, message",
    [
        ("{not json", "not valid JSON"),
        ({"innovators": [], "partners": []}, "no 'pairs' list"),
        (
            PROBLEM | {"pairs": [{"innovator": "acorn", "partner": "p9", "score": 1}]},
            "pairs[0]: unknown partner 'p9'",
        ),
        (
            PROBLEM | {"partners": [{"id": "bank", "capacity": -1}]},
            "partners[0] ('bank'): 'capacity' must be a whole number from 0 to 1,000,000, not -1",
        ),
        (PROBLEM | {"pairs": PROBLEM["pairs"][:1] * 2}, "pairs[1]: duplicate pair"),
    ],
)
def test_malformed_problems_raise_with_return_code_2(tmp_path, data, message):
    with pytest.raises(CommandError) as error:
        call_command("broker", "solve", str(write(tmp_path, data)))
    assert message in str(error.value)
    assert error.value.returncode == 2


def run(*args, input=None):
    return subprocess.run(
        [str(PARTNERBASE), "broker", "solve", *args],
        capture_output=True,
        text=True,
        input=input,
        cwd=ROOT,
        check=False,
    )


def test_the_installed_command_exits_2_naming_the_entry(tmp_path):
    bad = PROBLEM | {"pairs": [{"innovator": "acorn", "partner": "bank", "score": "high"}]}
    result = tmp_path / "result.json"
    finished = run(str(write(tmp_path, bad)), "-o", str(result))
    assert finished.returncode == 2
    assert "pairs[0]: 'score' must be a number, not 'high'" in finished.stderr
    assert not result.exists()
    finished = run("-", input="[1, 2")
    assert finished.returncode == 2
    assert "-: not valid JSON" in finished.stderr
    finished = run(str(tmp_path / "missing.json"))
    assert (finished.returncode, "Cannot read" in finished.stderr) == (2, True)


def test_the_installed_command_solves_from_stdin():
    finished = run("-", input=json.dumps(PROBLEM))
    assert finished.returncode == 0, finished.stderr
    assert json.loads(finished.stdout)["objective"] == 51.0
