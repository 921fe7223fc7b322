"""Bringing a record back exactly as the file has it, and blaming the file's fields.

A partnership's stage and dates are restored by replaying its moves through
`partnership_move`, so imported partnerships obey the pipeline's rules like any other.
Brokering rounds' results and introductions' answers cannot be reached through the
services without re-running the engine or making second partnerships, so restore_brokering
writes them as stored. Errors from services name model fields; the file names some of them
differently.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError

from partnerbase.brokering import services as brokering
from partnerbase.brokering.models import Partnership
from partnerbase.brokering.models.rounds import WEIGHT_FIELDS
from partnerbase.brokering.stages import CONFIRMED_STAGES, ENDED_STAGES, Stage
from partnerbase.core.errors import DomainError

from . import spec
from .format import parse_date
from .problems import Problem

# The names a service's errors give that the file spells differently, per array: from the
# specifications, and a round's weights, whose names are the model's.
FILE_FIELDS = {
    **spec.FILE_FIELDS,
    "brokering_rounds": {f"weight_{name}": f"weights.{name}" for name in WEIGHT_FIELDS},
}


def _within(prefix: str, field: str | None) -> str:
    return f"{prefix}.{field}" if field and field != "__all__" else prefix


@contextmanager
def nested(prefix: str) -> Iterator[None]:
    """Errors from creating a record kept inside another name it: `stages[1].ends_on`."""
    try:
        yield
    except DomainError as exc:
        raise DomainError(exc.message, field=_within(prefix, exc.field)) from exc
    except ValidationError as exc:
        by_field = exc.message_dict if hasattr(exc, "error_dict") else {"": exc.messages}
        raise ValidationError(
            {_within(prefix, field): messages for field, messages in by_field.items()}
        ) from exc


def partnership_path(record: dict) -> list[tuple[Stage, date, str]]:
    """The moves that bring a new partnership to the file's stage and dates.

    Each is (stage, date, file field to blame); moving through `partnership_move` keeps the
    pipeline's rules for imported partnerships too.
    """
    stage = Stage(record.get("stage", Stage.PROPOSED))
    introduced, confirmed, ended = (
        parse_date(record.get(k)) for k in ("introduced_on", "confirmed_on", "ended_on")
    )
    label = stage.label.lower()
    if stage not in (Stage.PROPOSED, Stage.DECLINED, Stage.LAPSED) and not introduced:
        raise DomainError(
            f"a partnership at stage {label} needs the date it was introduced",
            field="introduced_on",
        )
    if stage in CONFIRMED_STAGES and not confirmed:
        raise DomainError(
            f"a partnership at stage {label} needs the date it was confirmed", field="confirmed_on"
        )
    if record.get("estimated_value") and not confirmed:
        raise DomainError(
            "only a confirmed partnership has an estimated value", field="estimated_value"
        )
    if (stage in ENDED_STAGES) != bool(ended):
        raise DomainError(
            "a completed, declined or lapsed partnership has an end date, and no other does",
            field="ended_on",
        )
    steps = [(Stage.INTRODUCED, introduced, "introduced_on")] if introduced else []
    if stage == Stage.IN_DISCUSSION:
        steps.append((Stage.IN_DISCUSSION, introduced, "stage"))
    if confirmed:
        steps.append((Stage.CONFIRMED, confirmed, "confirmed_on"))
    if stage == Stage.ACTIVE:
        steps.append((Stage.ACTIVE, confirmed, "stage"))
    if stage in ENDED_STAGES:
        steps.append((stage, ended, "ended_on"))
    return steps


def service_problems(
    array: str, index: int | None, record: dict, exc: DomainError | ValidationError
) -> list[Problem]:
    """A service's error as problems naming the file's record and field."""
    names = FILE_FIELDS.get(array, {})
    record_id = record.get("id")
    if isinstance(exc, DomainError):
        field = exc.field or ""
        return [Problem(array, index, record_id, names.get(field, field), exc.message)]
    by_field = exc.message_dict if hasattr(exc, "error_dict") else {"": exc.messages}
    return [
        Problem(
            array, index, record_id, "" if field == "__all__" else names.get(field, field), message
        )
        for field, messages in by_field.items()
        for message in messages
    ]


def partnership_replay(
    *, actor, partnership: Partnership, record: dict, steps: list[tuple[Stage, date, str]]
) -> Partnership:
    """Move a just-created partnership along `steps`, then check it reached the file's stage."""
    value = record.get("estimated_value")
    for stage, on, field in steps:
        estimate = value if value and stage == Stage.CONFIRMED else None
        try:
            brokering.partnership_move(
                actor=actor,
                partnership=partnership,
                stage=stage,
                on=on,
                estimated_value=Decimal(estimate["amount"]) if estimate else None,
                currency=estimate["currency"] if estimate else None,
            )
        except DomainError as exc:
            raise DomainError(exc.message, field=field if exc.field == "on" else exc.field) from exc
        except ValueError as exc:  # more decimal places than the currency has
            raise DomainError(str(exc), field="estimated_value.amount") from exc
    if partnership.stage != record.get("stage", Stage.PROPOSED):
        raise DomainError(
            f"its dates lead to stage {partnership.stage}, not {record['stage']}", field="stage"
        )
    return partnership
