"""Reading JSON that came from outside, within the bounds of core/limits.py. Pure Python.

`json.loads` alone answers a deeply nested file with RecursionError, a 5,000-digit number
with ValueError, and takes NaN and Infinity as numbers; every command that reads a file
would have to remember all three. `load_json` refuses each with a message that says what
and where, as BadJSON.
"""

import json
import re
from decimal import Decimal

import numpy as np

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


# Every byte but a quote and a bracket, for bytes.translate to delete.
_NOT_STRUCTURE = bytes(sorted(set(range(256)) - set(b'"[]{}')))
# A backslash and the character it escapes (in JSON, only ever inside a string).
_ESCAPE = re.compile(rb"\\.", re.DOTALL)


def depth(text: str) -> int:
    """How deeply the text's arrays and objects nest; brackets inside strings do not count.

    Escapes are dropped first (so an escaped quote ends no string), then every byte but
    quotes and brackets, then the empty strings that leaves (a 34 MB brokering problem
    keeps 1 MB), and numpy counts what is left: a bracket is outside every string when an
    even number of quotes come before it. In UTF-8 no byte of a multi-byte character is a
    quote, backslash or bracket, so the ASCII bytes tell the structure. Exact for any JSON
    text; a text with a backslash outside a string is no JSON, and json.loads refuses it
    next."""
    data = text.encode("utf-8")
    if b"\\" in data:
        data = _ESCAPE.sub(b"", data)
    # Two quotes side by side close a string and open the next, or hold nothing that
    # counts: dropping them changes no bracket's count of the quotes before it.
    marks = data.translate(None, _NOT_STRUCTURE).replace(b'""', b"")
    marks = np.frombuffer(marks, dtype=np.uint8)
    outside = ~np.bitwise_xor.accumulate(marks == ord('"'))
    opens = (marks == ord("[")) | (marks == ord("{"))
    closes = (marks == ord("]")) | (marks == ord("}"))
    step = (opens.astype(np.int8) - closes.astype(np.int8)) * outside
    return max(0, int(np.cumsum(step, dtype=np.int64).max())) if step.size else 0


# \u0000 as an escape: a backslash that is not itself escaped, then u0000.
ESCAPED_NUL = re.compile(r"(?<!\\)(?:\\\\)*\\u0000")


def load_json(text: str, *, decimals: bool = False):
    """The decoded document, or BadJSON. `decimals` reads fractions as Decimal."""
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise BadJSON(f"line {line}: contains a NUL byte, which no text may hold")
    # Written as \\u0000 instead: PostgreSQL cannot store it in text, so no name holds it.
    escaped = ESCAPED_NUL.search(text) if "\\u0000" in text else None
    if escaped:
        line = text.count("\n", 0, escaped.start()) + 1
        raise BadJSON(f"line {line}: contains a NUL character (\\u0000), which no text may hold")
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
    return data
