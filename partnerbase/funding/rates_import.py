"""Import exchange rates from CSV (date, from, to, rate, source), all or nothing.

Rows are numbered as a spreadsheet shows them: the header is row 1. Every row is checked
before anything is saved; one bad row and nothing is. A rate for a (date, pair) the
programme already has is refused unless `update` is set, when it replaces the old one
(the old rate stays in the history).
"""

import csv
import io
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction

from partnerbase.core.currencies import is_currency
from partnerbase.core.errors import DomainError
from partnerbase.core.limits import date_problem
from partnerbase.core.money import format_rate

from .models import ExchangeRate
from .services import exchange_rate_add, exchange_rate_update

COLUMNS = ("date", "from", "to", "rate", "source")
# ExchangeRate.rate is max_digits=18, decimal_places=8.
MAX_PLACES, MAX_WHOLE_DIGITS = 8, 10


class RatesImportFailed(Exception):
    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass
class RatesImportResult:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    rows: list[tuple] = field(default_factory=list)


def _date(text: str) -> date:
    try:
        value = date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{text[:40]!r} is not a date (write it as YYYY-MM-DD)") from None
    if problem := date_problem(value):
        raise ValueError(problem)
    return value


def _currency(text: str) -> str:
    code = text.upper()
    if len(code) != 3 or not code.isalpha() or not code.isascii():
        raise ValueError(f"{text[:40]!r} is not a three-letter currency code, like GBP")
    if not is_currency(code):
        raise ValueError(f"{text!r} is not an ISO 4217 currency code, like GBP")
    return code


def _rate(text: str) -> Decimal:
    try:
        value = Decimal(text.replace(",", ""))
    except InvalidOperation:
        raise ValueError(f"{text[:40]!r} is not a number") from None
    if not value.is_finite():
        raise ValueError(f"{text!r} is not a number")
    if value.adjusted() >= MAX_WHOLE_DIGITS:  # before as_tuple() makes a 10^999999 of it
        raise ValueError(f"{text[:40]!r} is too large for a rate")
    if value <= 0:
        raise ValueError(f"{text!r} must be more than 0")
    if -value.as_tuple().exponent > MAX_PLACES:
        raise ValueError(f"{text!r} has more than {MAX_PLACES} decimal places")
    if value >= 10**MAX_WHOLE_DIGITS:
        raise ValueError(f"{text!r} is too large for a rate")
    return value


def _source(text: str) -> str:
    if not text:
        raise ValueError("say where the rate comes from")
    if len(text) > 300:
        raise ValueError("must be 300 characters or fewer")
    return text


PARSERS = {"date": _date, "from": _currency, "to": _currency, "rate": _rate, "source": _source}


def parse_rates(text: str) -> tuple[list[tuple], list[str]]:
    """(row number, date, from, to, rate, source) for each row, and the problems found."""
    if "\x00" in text:
        row = text.count("\n", 0, text.index("\x00")) + 1
        return [], [f"row {row}: contains a NUL byte, which no text may hold"]
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    try:
        return _parse_rows(reader)
    except csv.Error as exc:
        # A field longer than the csv module takes (131,072 characters), or a broken quote.
        return [], [f"row {reader.line_num}: cannot be read as CSV ({exc})"]


def _parse_rows(reader) -> tuple[list[tuple], list[str]]:
    header = [h.strip().lower()[:40] for h in next(reader, [])]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        return [], [
            f"row 1: the first row must name the columns {', '.join(COLUMNS)}"
            f" (missing: {', '.join(missing)})"
        ]
    where = {c: header.index(c) for c in COLUMNS}
    rows, problems, seen = [], [], {}
    for number, cells in enumerate(reader, start=2):
        if not any(c.strip() for c in cells):
            continue  # blank lines, often at the end
        values, row_problems = {}, []
        for column in COLUMNS:
            i = where[column]
            raw = cells[i].strip() if i < len(cells) else ""
            try:
                values[column] = PARSERS[column](raw) if raw or column == "source" else None
            except ValueError as exc:
                row_problems.append(f"row {number}: {column}: {exc}")
            else:
                if values[column] is None:
                    row_problems.append(f"row {number}: {column}: is empty")
        if not row_problems and values["from"] == values["to"]:
            row_problems.append(f"row {number}: to: a rate converts between two currencies")
        if not row_problems:
            key = (values["date"], values["from"], values["to"])
            if key in seen:
                row_problems.append(
                    f"row {number}: a {key[1]} to {key[2]} rate for {key[0].isoformat()} "
                    f"is already on row {seen[key]}"
                )
            seen.setdefault(key, number)
        problems.extend(row_problems)
        if not row_problems:
            rows.append((number, *(values[c] for c in COLUMNS)))
    if not rows and not problems:
        problems.append("the file has no rates in it")
    return rows, problems


@transaction.atomic
def rates_import(
    *,
    actor,
    programme,
    text: str,
    update: bool = False,
    how_to_replace: str = "import with --update to replace it",
) -> RatesImportResult:
    """Add (or with `update`, replace) every rate in the CSV, or none; RatesImportFailed.
    `how_to_replace` ends the message for a rate the programme has already."""
    rows, problems = parse_rates(text)
    existing = {
        (r.rate_date, r.base, r.quote): r for r in ExchangeRate.objects.filter(programme=programme)
    }
    result = RatesImportResult(rows=rows)
    for number, on, base, quote, rate, source in rows:
        old = existing.get((on, base, quote))
        try:
            if old is None:
                exchange_rate_add(
                    actor=actor,
                    programme=programme,
                    base=base,
                    quote=quote,
                    rate_date=on,
                    rate=rate,
                    source=source,
                )
                result.added += 1
            elif old.rate == rate and old.source == source:
                result.unchanged += 1
            elif update:
                exchange_rate_update(actor=actor, entry=old, rate=rate, source=source)
                result.updated += 1
            else:
                problems.append(
                    f"row {number}: the programme already has a {base} to {quote} rate for "
                    f"{on.isoformat()} ({format_rate(old.rate)}, {old.source}); {how_to_replace}"
                )
        except (DomainError, ValidationError) as exc:
            problems.append(f"row {number}: {_message(exc)}")
    if problems:
        # Raising out of the atomic block undoes whatever was saved: all or nothing.
        raise RatesImportFailed(sorted(problems, key=_row_number))
    return result


def _message(exc) -> str:
    if isinstance(exc, DomainError):
        return exc.message
    if hasattr(exc, "message_dict"):
        return "; ".join(f"{k}: {' '.join(v)}" for k, v in exc.message_dict.items())
    return " ".join(exc.messages)


def _row_number(problem: str) -> int:
    head = problem.split(":", 1)[0]
    return int(head[4:]) if head.startswith("row ") and head[4:].isdigit() else 0
