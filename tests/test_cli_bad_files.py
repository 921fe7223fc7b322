"""Every command that reads a file turns a bad one into a named error and exit status 2,
never a traceback, and leaves the database as it was (issue 12, item 3).

The probe's cases one by one, then a generator of random mutations of valid files
(hypothesis), then a few through the installed `partnerbase` executable.
"""

import itertools
import json
import os
import subprocess
import sys
from datetime import date
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partnerbase.funding.models import FundingAward
from partnerbase.interchange.export import programme_export_text
from partnerbase.opendata.export import package_csv
from partnerbase.programmes.models import Programme
from tests.factories import Make, make_programme, make_user

ALW = (
    Path(__file__).parent.parent
    / "partnerbase/opendata/tests/data/andrew-lloyd-webber-foundation-grants-2011-2020.json"
)
RATES = "date,from,to,rate,source\n2017-01-01,GBP,USD,1.25,test\n2017-06-01,GBP,EUR,1.14,test\n"
PROBLEM = {
    "innovators": [{"id": "a", "capacity": 2, "min_introductions": 1}],
    "partners": [{"id": "x", "capacity": 1}, {"id": "y", "capacity": 3}],
    "pairs": [
        {"innovator": "a", "partner": "x", "score": 3},
        {"innovator": "a", "partner": "y", "score": 1.5},
    ],
}
DEEP = "[" * 100_000 + "]" * 100_000
_slugs = itertools.count(1)


def row_counts() -> dict[str, int]:
    """Rows in every table, history included: what "the database unchanged" means."""
    return {m._meta.label: m._base_manager.count() for m in apps.get_models()}


def run(name: str, *args) -> tuple[int, str]:
    """(exit status, output or error) of a command run in this process; a traceback
    (any exception but CommandError) fails the test, and so does a changed database
    after a refusal."""
    before = row_counts()
    out, err = StringIO(), StringIO()
    try:
        call_command(name, *map(str, args), stdout=out, stderr=err)
    except CommandError as exc:
        assert row_counts() == before, f"{name} refused the file but changed the database"
        return exc.returncode, f"{exc}\n{err.getvalue()}"
    return 0, out.getvalue()


def refused(name: str, *args) -> str:
    status, message = run(name, *args)
    assert status == 2, message
    return message


@pytest.fixture
def world(db):
    """A programme with an innovator, a funder, two grants and a rate."""
    actor = make_user(full_name="Tess Team")
    make = Make(actor, make_programme(actor, name="Alpha", slug="alpha"))
    funder, innovator = make.org("Big Lottery", kind="funder"), make.org("Toolshed")
    for amount in ("25000", "1200.50"):
        make.award(funder=funder, recipient=innovator, amount=amount, on=date(2017, 6, 1))
    make.rate("GBP", "USD", date(2017, 1, 1), "1.25")
    return make


def write(tmp_path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def grants_json(change=None, count=2) -> str:
    data = json.loads(ALW.read_text(encoding="utf-8"))
    grants = data["grants"][:count]
    if change:
        change(grants)
    return json.dumps({"grants": grants})


# --- The probe's cases ------------------------------------------------------------------


def test_import_of_deeply_nested_json(world, tmp_path):
    message = refused("import", write(tmp_path, "deep.json", DEEP))
    assert "is not an interchange file: nested 100,000 levels deep" in message


def test_import_of_a_file_with_an_amount_over_the_maximum(world, tmp_path):
    data = json.loads(programme_export_text(programme=world.programme))
    data["funding_awards"][0]["amount"]["amount"] = "10000000000.01"
    message = refused("import", write(tmp_path, "big.json", json.dumps(data)), "--slug", "big")
    assert "more than the most Partnerbase records in one amount" in message


def test_import_of_a_file_with_a_date_outside_the_range(world, tmp_path):
    data = json.loads(programme_export_text(programme=world.programme))
    data["funding_awards"][0]["award_date"] = "2101-01-01"
    message = refused("import", write(tmp_path, "late.json", json.dumps(data)), "--slug", "late")
    assert "must be between 1 January 1900 and 31 December 2100" in message


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda g: g[0].update(amountAwarded=10**30), "a number with 31 digits"),
        (lambda g: g[0].update(amountAwarded=1e30), "more than the most Partnerbase records"),
        (lambda g: g[0].update(amountAwarded=10_000_000_000.01), "more than the most"),
        (lambda g: g[0].update(awardDate="2018-02-30"), "awardDate"),
        (lambda g: g[0].update(awardDate="2101-01-01"), "between 1 January 1900 and 31 Dec"),
        (lambda g: g[0].update(currency="ZZZ"), "currency"),
        (lambda g: g[0]["recipientOrganization"][0].update(name="A\x00B"), "NUL"),
    ],
)
def test_import_360giving_refuses_bad_grants(world, tmp_path, change, message):
    path = write(tmp_path, "bad.json", grants_json(change))
    assert message in refused("import-360giving", path, "--programme", "alpha")


def test_import_360giving_refuses_infinity_and_deep_nesting(world, tmp_path):
    infinite = grants_json().replace('"amountAwarded": 20000', '"amountAwarded": Infinity', 1)
    infinite = infinite.replace('"amountAwarded": ', '"amountAwarded": Infinity, "x": ', 1)
    assert "Infinity is not a number" in refused(
        "import-360giving", write(tmp_path, "inf.json", infinite), "--programme", "alpha"
    )
    assert "nested 100,000 levels deep" in refused(
        "import-360giving", write(tmp_path, "deep.json", DEEP), "--programme", "alpha"
    )


def test_a_360giving_csv_with_a_nul_byte_is_refused(world, tmp_path):
    text = package_csv(json.loads(grants_json(), parse_float=Decimal))
    bad = text.replace("Royal Northern", "Royal\x00Northern", 1)
    assert bad != text
    message = refused("import-360giving", write(tmp_path, "nul.csv", bad), "--programme", "alpha")
    assert "row 2: contains a NUL byte" in message


def test_a_360giving_csv_with_a_huge_field_is_refused(world, tmp_path):
    text = package_csv(json.loads(grants_json(), parse_float=Decimal))
    bad = text.replace("Royal Northern", "R" * 200_000, 1)
    message = refused("import-360giving", write(tmp_path, "big.csv", bad), "--programme", "alpha")
    assert "cannot be read as CSV (field larger than field limit" in message


def test_an_unknown_or_malformed_programme_slug_is_refused(world, tmp_path):
    path = write(tmp_path, "ok.json", grants_json())
    assert "is not a programme's slug" in refused(
        "import-360giving", path, "--programme", "../bad slug"
    )
    assert "No programme has the slug 'alpah': check it, or ask for a new programme" in refused(
        "import-360giving", path, "--programme", "alpah"
    )
    assert "../bad slug" in refused(
        "import-360giving", path, "--programme", "../bad slug", "--create"
    )
    status, output = run("import-360giving", path, "--programme", "alpah", "--create")
    assert status == 0 and "into a new programme 'alpah'" in output


def test_without_programme_a_second_import_is_refused_not_a_second_programme(db, tmp_path):
    path = write(tmp_path, "ok.json", grants_json())
    status, output = run("import-360giving", path)
    assert status == 0 and "into a new programme 'andrew-lloyd-webber-foundation'" in output

    message = refused("import-360giving", path)

    assert "A programme has the slug 'andrew-lloyd-webber-foundation' already" in message
    assert Programme.objects.count() == 1


def test_a_programmes_own_360giving_export_read_back_adds_nothing(world, tmp_path):
    out = tmp_path / "own.json"
    call_command("export-360giving", "--programme", "alpha", "-o", str(out), stderr=StringIO())
    before = row_counts()

    status, output = run("import-360giving", out, "--programme", "alpha")

    assert status == 0
    assert "Imported 0 grants (nothing)" in output
    assert "0 held already and updated, 2 held already and unchanged (skipped)" in output
    assert "0 organisations added" in output
    assert row_counts() == before


def test_a_republished_grant_is_updated_not_duplicated(world, tmp_path):
    out = tmp_path / "own.json"
    call_command("export-360giving", "--programme", "alpha", "-o", str(out), stderr=StringIO())
    data = json.loads(out.read_text(encoding="utf-8"))
    data["grants"][0]["amountAwarded"] = 30000
    out.write_text(json.dumps(data), encoding="utf-8")

    status, output = run("import-360giving", out, "--programme", "alpha")

    assert status == 0 and "1 held already and updated, 1 held already and unchanged" in output
    assert FundingAward.objects.filter(programme=world.programme).count() == 2
    assert FundingAward.objects.filter(amount_minor=3_000_000).count() == 1


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (RATES.replace("EUR", "ZZZ"), "row 3: to: 'ZZZ' is not an ISO 4217 currency code"),
        (RATES.replace("2017-06-01", "2101-06-01"), "row 3: date: must be between"),
        (RATES.replace("2017-06-01", "2018-02-30"), "row 3: date: '2018-02-30' is not a date"),
        (RATES.replace("test\n2017", 'test\n"' + "x" * 50_000_000 + '"\n2017'), "field larger"),
        (RATES.replace("test", "te\x00st", 1), "row 2: contains a NUL byte"),
        (RATES.replace("1.25", "1e999999999"), "row 2: rate: '1e999999999' is too large"),
        (RATES.replace("1.25", "Infinity"), "row 2: rate: 'Infinity' is not a number"),
    ],
)
def test_rates_import_refuses_bad_files(world, tmp_path, text, message):
    path = write(tmp_path, "rates.csv", text)
    assert message in refused("rates", "import", path, "--programme", "alpha")


def _problem(old: str, new: str) -> str:
    text = json.dumps(PROBLEM)
    assert old in text
    return text.replace(old, new, 1)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (_problem('"capacity": 1', f'"capacity": {10**40}'), "a number with 41 digits"),
        (_problem('"capacity": 1', f'"capacity": {10**20}'), "'capacity' must be a whole number"),
        (_problem('"min_introductions": 1', f'"min_introductions": {10**40}'), "41 digits"),
        (
            _problem('"min_introductions": 1', '"min_introductions": 1000001'),
            "'min_introductions' must be a whole number from 0 to 1,000,000, not 1000001",
        ),
        (_problem('"capacity": 2', '"capacity": ' + "7" * 5000), "a number with 5,000 digits"),
        (_problem('"score": 3', '"score": Infinity'), "Infinity is not a number"),
        (DEEP, "nested 100,000 levels deep"),
        ('{"innovators": [], "partners": [], "pairs": [' * 40 + "]}" * 40, "nested 80 levels"),
    ],
)
def test_broker_solve_refuses_bad_problems(db, tmp_path, text, message):
    path = write(tmp_path, "problem.json", text)
    assert message in refused("broker", "solve", path, "-o", tmp_path / "result.json")
    assert not (tmp_path / "result.json").exists()


@pytest.mark.parametrize(
    "args",
    [
        ["metrics", "--programme", "nope"],
        ["metrics", "--programme", "alpha", "--from", "2018-02-30"],
        ["metrics", "--programme", "alpha", "--from", "0001-01-01"],
        ["report", "--programme", "alpha", "-o", "x.txt"],
        ["export", "-", "--programme", "nope"],
        ["export-360giving", "--programme", "nope", "-o", "x.json"],
        ["import", "missing.json"],
        ["rates", "import", "missing.csv", "--programme", "alpha"],
        ["rates", "import", "x.csv", "--programme", "nope"],
    ],
)
def test_bad_arguments_are_a_named_error_with_status_2(world, args):
    assert refused(*args)


# --- Random mutations of valid files ----------------------------------------------------

NASTY_VALUES = [
    10**40, -1, 0, 1e30, 10_000_000_000.01, "2018-02-30", "2101-01-01", "0001-01-01", "ZZZ",
    "x" * 200_000, "a\x00b", None, True, [], {}, "", "../bad slug", [[[[[[[[[[[[1]]]]]]]]]]]],
]  # fmt: skip
NASTY_TEXT = ["\x00", "[" * 5000, "Infinity", "9" * 5000, '"', ",", "\n", "{", "\ufeff", "é"]


def _paths(value, path=()):
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*path, key))
    elif isinstance(value, list):
        for n, item in enumerate(value):
            yield from _paths(item, (*path, n))


def _replace(document, path, value):
    if not path:
        return value
    parent = document
    for part in path[:-1]:
        parent = parent[part]
    parent[path[-1]] = value
    return document


@st.composite
def mutated(draw, text: str, is_json: bool):
    """The text with one value replaced by a nasty one (JSON), or a nasty piece of text
    put in, or the text cut short."""
    how = draw(st.sampled_from(["value", "insert", "cut"] if is_json else ["insert", "cut"]))
    if how == "value":
        document = json.loads(text)
        path = draw(st.sampled_from(list(_paths(document))))
        return json.dumps(_replace(document, path, draw(st.sampled_from(NASTY_VALUES))))
    at = draw(st.integers(min_value=0, max_value=len(text)))
    if how == "cut":
        return text[:at]
    return text[:at] + draw(st.sampled_from(NASTY_TEXT)) + text[at:]


def _files(world) -> dict:
    """name -> (file name, text, command and arguments before and after the file)."""
    return {
        "import": (
            "programme.json",
            programme_export_text(programme=world.programme),
            lambda path: ["import", path, "--slug", f"copy-{next(_slugs)}"],
        ),
        "import-360giving json": (
            "grants.json",
            grants_json(count=3),
            lambda path: ["import-360giving", path, "--programme", "alpha"],
        ),
        "import-360giving csv": (
            "grants.csv",
            package_csv(json.loads(grants_json(count=3), parse_float=Decimal)),
            lambda path: ["import-360giving", path, "--programme", "alpha"],
        ),
        "rates import": (
            "rates.csv",
            RATES,
            lambda path: ["rates", "import", path, "--programme", "alpha", "--update"],
        ),
        "broker solve": (
            "problem.json",
            json.dumps(PROBLEM),
            lambda path: ["broker", "solve", path, "-o", path.with_suffix(".out")],
        ),
    }


@pytest.mark.parametrize(
    "kind",
    ["import", "import-360giving json", "import-360giving csv", "rates import", "broker solve"],
)
def test_no_mutation_of_a_valid_file_gives_a_traceback(world, tmp_path, kind):
    name, text, command = _files(world)[kind]
    status, output = run(*command(write(tmp_path, name, text)))
    assert status == 0, output  # the file itself is good

    @settings(
        max_examples=15,
        deadline=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(bad=mutated(text, name.endswith(".json")))
    def check(bad):
        status, output = run(*command(write(tmp_path, name, bad)))
        assert status in (0, 2), output
        assert "Traceback" not in output

    check()


# --- Through the installed executable ---------------------------------------------------


def _partnerbase(tmp_path, *args) -> subprocess.CompletedProcess:
    executable = Path(sys.executable).parent / "partnerbase"
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'unused.sqlite3'}",
        "PYTHONPATH": str(Path(__file__).parent.parent),
    }
    return subprocess.run(
        [str(executable), *map(str, args)], capture_output=True, text=True, env=env, timeout=120
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["broker", "solve", "deep.json"], "BadInput: deep.json: nested 100,000 levels deep"),
        (["import", "deep.json"], "BadInput: deep.json is not an interchange file: nested"),
        (["import-360giving", "deep.json"], "The file is not a 360Giving data package: nested"),
    ],
)
def test_the_executable_names_the_error_and_exits_2(tmp_path, args, message):
    write(tmp_path, "deep.json", DEEP)
    os.chdir(tmp_path)
    done = _partnerbase(tmp_path, *args)
    assert done.returncode == 2, done.stderr
    assert message in done.stderr
    assert "Traceback" not in done.stderr


def test_no_programme_is_made_by_a_refused_file(world, tmp_path):
    slugs = set(Programme.objects.values_list("slug", flat=True))
    refused("import", write(tmp_path, "deep.json", DEEP), "--slug", "new")
    assert set(Programme.objects.values_list("slug", flat=True)) == slugs
