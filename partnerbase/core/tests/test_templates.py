"""Rules every template keeps, read from the template files themselves."""

import re
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
BUTTON_LINK = re.compile(r"<a\b[^>]*\bgovuk-button\b[^>]*>")


def test_every_link_styled_as_a_button_says_it_is_one():
    """GOV.UK's start and secondary buttons that are links carry role="button" (and are not
    draggable): a screen reader then announces a button, as it looks, and the pages' own
    tests find each by the same role."""
    missing = [
        f"{path.relative_to(TEMPLATES)}: {tag[:80]}"
        for path in sorted(TEMPLATES.rglob("*.html"))
        for tag in BUTTON_LINK.findall(path.read_text())
        if 'role="button"' not in tag or 'draggable="false"' not in tag
    ]
    assert not missing, "\n".join(missing)
    assert BUTTON_LINK.search((TEMPLATES / "funding" / "rates.html").read_text())
