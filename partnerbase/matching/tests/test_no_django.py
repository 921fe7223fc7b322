"""The engine is pure Python: it imports and runs with Django unavailable."""

import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent

SCRIPT = """
import sys
sys.modules["django"] = None  # any "import django..." now raises ImportError
from partnerbase import matching
from partnerbase.matching import InnovatorIn, Need, Offer, PartnerIn
need = Need("n", "Funding", frozenset({"London"}), frozenset(), None, "grant")
offer = Offer("o", "Funding", frozenset({"UK"}), frozenset(), None, "grant")
proposal = matching.propose(
    [InnovatorIn("i", "Acorn", 1, 1, (need,))], [PartnerIn("p", "Bank", 1, (offer,))]
)
solution = matching.solve(matching.parse_problem({"innovators": [], "partners": [], "pairs": []}))
loaded = sorted(name for name in sys.modules if name.split(".")[0] == "django")
print(len(proposal.introductions), solution.shortfall, loaded)
"""


def test_the_engine_runs_without_django():
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        capture_output=True,
        text=True,
        check=False,
        cwd=PACKAGE.parent.parent,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["1", "0", "['django']"]  # only the blocked placeholder


def test_no_module_of_the_engine_mentions_django_imports():
    for path in PACKAGE.rglob("*.py"):
        for line in path.read_text().splitlines():
            words = line.split()
            if words[:1] in (["import"], ["from"]) and len(words) > 1:
                assert not words[1].startswith("django"), f"{path}: {line}"
