"""Read a 360Giving file (JSON data package or one-sheet CSV) into grants, each with the
label its errors are reported under: "grants[12] (360G-…)" or "row 14"."""

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from partnerbase.core.jsonfiles import BadJSON, load_json

from . import columns


class ImportFailed(Exception):
    """Nothing was saved; `errors` say where and why, one line each."""

    def __init__(self, errors: list[str]):
        super().__init__(f"{len(errors)} problem(s): " + "; ".join(errors[:3]))
        self.errors = errors


@dataclass
class Source:
    grants: list
    labels: list[str]
    is_csv: bool
    metadata: dict = field(default_factory=dict)
    # (grant index, column title, message) for spreadsheet cells that could not be read.
    cell_problems: list[tuple[int, str, str]] = field(default_factory=list)

    def where(self, index: int | None, path: tuple = ()) -> str:
        """`grants[3] (360G-X-1): amountAwarded` or `row 5: Amount Awarded`."""
        if index is None:
            return ".".join(str(p) for p in path) or "file"
        label = self.labels[index]
        if not path:
            return label
        if self.is_csv:
            return f"{label}: {columns.title_for(path)}"
        text = ""
        for part in path:
            text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
        return f"{label}: {text}"


def _label(index: int, grant) -> str:
    grant_id = grant.get("id") if isinstance(grant, dict) else None
    return f"grants[{index}] ({grant_id})" if grant_id else f"grants[{index}]"


def source_from_json(text: str) -> Source:
    try:
        data = load_json(text, decimals=True)
    except BadJSON as exc:
        raise ImportFailed([f"The file is not a 360Giving data package: {exc}."]) from exc
    if not isinstance(data, dict) or not isinstance(data.get("grants"), list):
        raise ImportFailed(['The file is not a 360Giving data package: it has no "grants" list.'])
    grants = data["grants"]
    metadata = {k: v for k, v in data.items() if k != "grants"}
    return Source(grants, [_label(n, g) for n, g in enumerate(grants)], False, metadata)


def source_from_csv(text: str) -> Source:
    if "\x00" in text:
        # PostgreSQL cannot store it and no name holds it: a sign of a binary or broken file.
        row = text.count("\n", 0, text.index("\x00")) + 1
        raise ImportFailed([f"row {row}: contains a NUL byte, which no text may hold."])
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    grants, labels, problems = [], [], []
    try:
        if not reader.fieldnames or "Identifier" not in [f.strip() for f in reader.fieldnames]:
            raise ImportFailed(
                ['The file has no "Identifier" column: use the 360Giving column titles.']
            )
        # Row 1 holds the titles, so the first grant is on row 2, as a spreadsheet shows it.
        for n, row in enumerate(reader):
            grant, cells = columns.unflatten(row)
            problems += [(n, title, message) for title, message in cells]
            grants.append(grant)
            labels.append(f"row {n + 2}")
    except csv.Error as exc:
        # A field longer than the csv module takes (131,072 characters), or a broken quote.
        raise ImportFailed([f"row {reader.line_num}: cannot be read as CSV ({exc})."]) from exc
    if not grants:
        raise ImportFailed(["The file has column titles but no grants."])
    return Source(grants, labels, True, {}, problems)


def read_source(path: str | Path) -> Source:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ImportFailed([f"Cannot read {path}: {exc.strerror}."]) from exc
    except UnicodeDecodeError as exc:
        raise ImportFailed([f"{path} is not UTF-8 text."]) from exc
    return source_from_text(path.name, text)


def source_from_text(name: str, text: str) -> Source:
    """The grants of a file called `name` (an upload's), read as its extension says."""
    suffix = Path(name).suffix.lower()
    if suffix == ".csv":
        return source_from_csv(text)
    if suffix == ".json":
        return source_from_json(text)
    raise ImportFailed([f"{name}: use a .json data package or a .csv spreadsheet."])
