"""Every axe check in the browser tests reads the page a click opened, not the one before it.

A click that submits a form or follows a link returns before the new page arrives; axe run
straight after it reads whichever page is there (issue 14: `test_calls.py` failed so once).
So between an action and the next `axe_check` there must be a wait: the action inside
`with page.expect_navigation()`, or a `wait_for_*`, `goto` or `expect(...)` after it.
"""

import ast
from pathlib import Path

BROWSER_TESTS = Path(__file__).parent / "browser"
# Calls that leave the page as it will be when axe reads it.
WAITS = {
    "expect_navigation",
    "expect_response",
    "goto",
    "reload",
    "go_back",
    "wait_for",
    "wait_for_url",
    "wait_for_load_state",
    "wait_for_selector",
    "wait_for_function",
    "to_be_visible",
    "to_be_hidden",
    "to_have_url",
    "to_have_text",
    "to_contain_text",
    "to_have_count",
}
# Calls that may start a navigation or change the page.
ACTIONS = {"click", "press", "check", "uncheck", "select_option", "dispatch_event"}


def _names(node) -> set[str]:
    return {
        n.func.attr if isinstance(n.func, ast.Attribute) else getattr(n.func, "id", "")
        for n in ast.walk(node)
        if isinstance(n, ast.Call)
    }


def _unwaited_axe_checks(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    # A module's own helper that waits (`submit`: click inside expect_navigation) waits too.
    waits = WAITS | {
        node.name
        for node in tree.body
        if isinstance(node, ast.FunctionDef) and _names(node) & WAITS
    }
    found = []
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if not isinstance(body, list):
            continue
        for i, stmt in enumerate(body):
            if not (isinstance(stmt, ast.Expr) and "axe_check" in _names(stmt)):
                continue
            for before in reversed(body[:i]):
                names = _names(before)
                if names & waits or "axe_check" in names:
                    break
                if names & ACTIONS:
                    found.append(
                        f"{path.name}:{stmt.lineno}: axe_check after the action on line "
                        f"{before.lineno} without waiting for the page"
                    )
                    break
    return found


def test_every_axe_check_waits_for_the_page_an_action_opened():
    paths = sorted(BROWSER_TESTS.glob("test_*.py"))
    problems = [problem for path in paths for problem in _unwaited_axe_checks(path)]
    assert not problems, "\n".join(problems)


def test_the_check_finds_an_axe_check_straight_after_a_click(tmp_path):
    """The check itself: a click then axe is found; the same click inside a wait is not."""
    bad = tmp_path / "test_bad.py"
    bad.write_text(
        "def test_x(page, axe_check):\n"
        "    page.get_by_role('button').click()\n"
        "    assert page.title()\n"
        "    axe_check(page)\n"
        "    with page.expect_navigation():\n"
        "        page.get_by_role('button').click()\n"
        "    axe_check(page)\n"
        "    submit(page)\n"
        "    axe_check(page)\n"
        "\n"
        "def submit(page):\n"
        "    with page.expect_navigation():\n"
        "        page.get_by_role('button').click()\n"
    )
    assert _unwaited_axe_checks(bad) == [
        "test_bad.py:4: axe_check after the action on line 2 without waiting for the page"
    ]
