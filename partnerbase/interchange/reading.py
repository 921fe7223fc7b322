"""Reading an interchange file an array at a time, so a national one is never held whole.

Pure Python (no Django). `programme_file_read(path)` walks the file's top-level object once:
each value is decoded on its own (`json.JSONDecoder.raw_decode` over a sliding window of
the text), an array a record at a time. Arrays of up to `held` records are kept; a longer
one is kept as its byte offset and length (`StreamedArray`) and read again from the file
each time it is walked, so memory holds one window and one record of it, whatever the
file's size. Every record gets the checks `core.jsonfiles.load_json` gives a whole text
(no NUL, no number of too many digits, no NaN, no deeper nesting than the limit), as
BadJSON. A file whose top level is not an object is no interchange file: it is read whole
by load_json, which words what it is.
"""

import codecs
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from partnerbase.core.jsonfiles import ESCAPED_NUL, BadJSON, _constant, _int, depth, load_json
from partnerbase.core.limits import MAX_JSON_DEPTH

HELD = 20_000  # records an array may have and still be kept in memory
WINDOW = 1 << 22  # characters read at a time
LONGEST = 1 << 26  # characters a record may have (a bad one is found within this much)
_SPACE = " \t\n\r"
_DECODER = json.JSONDecoder(parse_int=_int, parse_constant=_constant)
_DEPTH_EVERY = 2000  # records whose nesting is measured together


class StreamedArray:
    """A long array of the file: its records are read again each time it is walked."""

    def __init__(self, path: Path, offset: int, count: int):
        self.path, self.offset, self.count = path, offset, count

    def __len__(self) -> int:
        return self.count

    def __bool__(self) -> bool:
        return self.count > 0

    def __iter__(self) -> Iterator[dict]:
        with self.path.open("rb") as file:
            file.seek(self.offset)
            text = _Text(file, line=None)
            yield from text.array_items(depth_above=2)

    def __repr__(self) -> str:
        return f"<{self.count:,} records at byte {self.offset:,} of {self.path.name}>"


class _Text:
    """A window over the file's text with the position of its first character."""

    def __init__(self, file, *, line: int | None = 1):
        self.file = file
        self.decoder = codecs.getincrementaldecoder("utf-8")()
        self.buf, self.pos, self.eof = "", 0, False
        self.byte = file.tell()  # byte offset of buf[0]
        self.line = line  # line number of buf[0], when counted

    def fill(self, least: int) -> None:
        """Make at least `least` characters available after pos, unless the file ends."""
        while not self.eof and len(self.buf) - self.pos < least:
            block = self.file.read(WINDOW)
            self.eof = not block
            more = self.decoder.decode(block, final=self.eof)
            if "\x00" in more:
                at = self.buf + more
                line = self.where(at.index("\x00"), at)
                raise BadJSON(f"{line}contains a NUL byte, which no text may hold")
            done = self.buf[: self.pos]
            self.byte += len(done.encode("utf-8"))
            if self.line is not None:
                self.line += done.count("\n")
            self.buf, self.pos = self.buf[self.pos :] + more, 0

    def where(self, index: int, buf: str | None = None) -> str:
        if self.line is None:
            return ""
        buf = self.buf if buf is None else buf
        return f"line {self.line + buf.count(chr(10), 0, index)}: "

    def peek(self) -> str:
        """The next character that is not white space ("" at the end)."""
        while True:
            self.fill(1)
            while self.pos < len(self.buf) and self.buf[self.pos] in _SPACE:
                self.pos += 1
            if self.pos < len(self.buf) or self.eof:
                return self.buf[self.pos] if self.pos < len(self.buf) else ""

    def expect(self, char: str, what: str) -> None:
        if self.peek() != char:
            found = self.peek() or "the end of the file"
            raise BadJSON(f"not valid JSON: {self.where(self.pos)}expecting {what}, not {found!r}")
        self.pos += 1

    def value(self, *, depth_above: int, check_depth: bool = True) -> Any:
        """The next value, decoded and checked; more text is read until it is whole."""
        self.peek()
        while True:
            try:
                value, end = _DECODER.raw_decode(self.buf, self.pos)
            except json.JSONDecodeError as exc:
                if not self.eof and len(self.buf) - self.pos < LONGEST:
                    self.fill(len(self.buf) - self.pos + WINDOW)  # cut off by the window?
                    continue
                raise BadJSON(f"not valid JSON: {self.where(exc.pos)}{exc.msg}") from None
            except RecursionError:
                raise BadJSON(self._too_deep(depth(self.buf[self.pos :]) + depth_above)) from None
            if end == len(self.buf) and not self.eof:
                self.fill(len(self.buf) - self.pos + WINDOW)  # a number may go on
                continue
            break
        text = self.buf[self.pos : end]
        if "\\u0000" in text and ESCAPED_NUL.search(text):
            line = self.where(self.pos)
            raise BadJSON(f"{line}contains a NUL character (\\u0000), which no text may hold")
        if check_depth:
            self.check_depth(text, depth_above)
        self.pos, self.last_text = end, text
        return value

    def check_depth(self, text: str, depth_above: int) -> None:
        nested = depth(text) + depth_above
        if nested > MAX_JSON_DEPTH:
            raise BadJSON(self._too_deep(nested))

    @staticmethod
    def _too_deep(nested: int) -> str:
        return f"nested {nested:,} levels deep: Partnerbase reads at most {MAX_JSON_DEPTH} levels"

    def array_items(self, *, depth_above: int) -> Iterator[Any]:
        """The records of the array whose "[" is next, one at a time."""
        self.expect("[", "an array")
        if self.peek() == "]":
            self.pos += 1
            return
        pending: list[str] = []  # records' texts, measured for nesting together
        while True:
            item = self.value(depth_above=depth_above, check_depth=False)
            pending.append(self.last_text)
            if len(pending) >= _DEPTH_EVERY:
                self.check_depth(",".join(pending), depth_above)
                pending = []
            yield item
            following = self.peek()
            if following == "]":
                self.pos += 1
                break
            self.expect(",", "',' or ']' after a record")
        if pending:
            self.check_depth(",".join(pending), depth_above)


def programme_file_read(path: str | Path, *, held: int | None = None) -> Any:
    """The file's document: a dict whose arrays of more than `held` records are
    StreamedArrays. Raises BadJSON, OSError or UnicodeDecodeError as reading the whole
    text would."""
    path, held = Path(path), HELD if held is None else held
    with path.open("rb") as file:
        text = _Text(file)
        if text.peek() != "{":
            file.seek(0)
            return load_json(file.read().decode("utf-8"))
        text.pos += 1
        document: dict[str, Any] = {}
        if text.peek() == "}":
            text.pos += 1
        else:
            while True:
                key = text.value(depth_above=1)
                if not isinstance(key, str):
                    raise BadJSON("not valid JSON: a key must be a string")
                text.expect(":", "':' after a key")
                if text.peek() == "[":
                    document[key] = _array(text, path, held)
                else:
                    document[key] = text.value(depth_above=1)
                if text.peek() == "}":
                    text.pos += 1
                    break
                text.expect(",", "',' or '}'")
        if text.peek() != "":
            raise BadJSON(f"not valid JSON: {text.where(text.pos)}extra data after the object")
    return document


def _array(text: _Text, path: Path, held: int) -> list | StreamedArray:
    """The array that starts here: its records, or where to read them again when long."""
    text.peek()
    offset = text.byte + len(text.buf[: text.pos].encode("utf-8"))
    kept: list | None = []
    count = 0
    for record in text.array_items(depth_above=2):
        count += 1
        if kept is not None:
            kept.append(record)
            if count > held:
                kept = None  # too long to keep: read again when walked
    return kept if kept is not None else StreamedArray(path, offset, count)
