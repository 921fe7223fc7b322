"""Reading JSON that came from outside, within the bounds of core/limits.py. Pure Python.

`json.loads` alone answers a deeply nested file with RecursionError, a 5,000-digit number
with ValueError, and takes NaN and Infinity as numbers; every command that reads a file
would have to remember all three. `load_json` refuses each with a message that says what
and where, as BadJSON.
"""

import json
from decimal import Decimal

from .limits import MAX_JSON_DEPTH, MAX_JSON_INT_DIGITS


class BadJSON(ValueError):
    """The text is not JSON Partnerbase reads; the message says why."""


def _int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_JSON_INT_DIGITS:
        raise BadJSON(
            f"a number with {len(text.lstrip('-')):,} digits ({text[:12]}…): "
            f"no value Partnerbase reads has more than {MAX_JSON_INT_DIGITS}"
        )
    return int(text)


def _constant(name: str):
    raise BadJSON(f"{name} is not a number JSON allows (nor Partnerbase)")


def depth(text: str) -> int:
    """How deeply the text's arrays and objects nest, counted without recursion (brackets
    inside strings do not count)."""
    deepest = level = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            level += 1
            deepest = max(deepest, level)
        elif char in "]}":
            level -= 1
    return deepest


def load_json(text: str, *, decimals: bool = False):
    """The decoded document, or BadJSON. `decimals` reads fractions as Decimal."""
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise BadJSON(f"line {line}: contains a NUL byte, which no text may hold")
    nested = depth(text)
    if nested > MAX_JSON_DEPTH:
        raise BadJSON(
            f"nested {nested:,} levels deep: Partnerbase reads at most {MAX_JSON_DEPTH} levels"
        )
    try:
        data = json.loads(
            text,
            parse_int=_int,
            parse_constant=_constant,
            parse_float=Decimal if decimals else float,
        )
    except json.JSONDecodeError as exc:
        raise BadJSON(f"not valid JSON: {exc}") from None
    except RecursionError:  # the depth check makes this unreachable; kept as a backstop
        raise BadJSON("nested too deeply") from None
    _refuse_nul(data)
    return data


def _refuse_nul(data) -> None:
    """A NUL written as \\u0000: PostgreSQL cannot store it in text, so no name holds it."""
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, str) and "\x00" in value:
            raise BadJSON(f"the text {value[:40]!r} contains a NUL character (\\u0000)")
        if isinstance(value, dict):
            stack.extend(value)
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
