"""Counts in words, the same on every page and in the report."""


def plural(n: int, one: str, many: str | None = None) -> str:
    """ "1 partnership", "2,140 partnerships" (`many` when the plural is not one + "s")."""
    return f"{n:,} {one if n == 1 else (many or one + 's')}"


def article(noun: str) -> str:
    """ "a need", "an offer", "an innovator": by the first letter, enough for our nouns."""
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"
