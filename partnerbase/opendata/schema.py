"""Validation against the official 360Giving schema (vendored in data/360giving/).

Both the grant schema's own $id (1.4.3) and the URL the package schema's $ref names (1.4.2)
resolve to the local file: nothing is fetched. "$schema" is written with http://, which
`referencing` does not recognise, so the resources are built as Draft 2020-12 explicitly.
Format checking is on: without a date-time checker a plain date matches both branches of
awardDate's oneOf and every grant would fail.
"""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError
from referencing import Registry
from referencing.jsonschema import DRAFT202012

SCHEMA_DIR = Path(__file__).parent / "data" / "360giving"
GRANT_SCHEMA_URLS = (
    "https://raw.githubusercontent.com/ThreeSixtyGiving/standard/1.4.3/schema/360-giving-schema.json",
    "https://raw.githubusercontent.com/ThreeSixtyGiving/standard/1.4.2/schema/360-giving-schema.json",
)
SCHEMA_VERSION = "1.4"
DATE_HINT = "write it as YYYY-MM-DD (or a full date-time such as 2020-11-03T00:00:00+00:00)"


@cache
def grant_schema() -> dict:
    return json.loads((SCHEMA_DIR / "360-giving-schema.json").read_text(encoding="utf-8"))


@cache
def package_schema() -> dict:
    return json.loads((SCHEMA_DIR / "360-giving-package-schema.json").read_text(encoding="utf-8"))


@cache
def package_validator() -> Draft202012Validator:
    grant = DRAFT202012.create_resource(grant_schema())
    registry = Registry().with_resources([(url, grant) for url in GRANT_SCHEMA_URLS])
    return Draft202012Validator(
        package_schema(), registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER
    )


@dataclass(frozen=True)
class SchemaError:
    """One failure: `path` is where in the package (("grants", 3, "awardDate")), `field`
    the property at fault within the grant ("awardDate", "recipientOrganization[0].id")."""

    path: tuple
    message: str

    @property
    def grant_index(self) -> int | None:
        if len(self.path) >= 2 and self.path[0] == "grants" and isinstance(self.path[1], int):
            return self.path[1]
        return None

    @property
    def grant_path(self) -> tuple:
        return self.path[2:] if self.grant_index is not None else self.path

    @property
    def field(self) -> str:
        text = ""
        for part in self.grant_path:
            text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
        return text


def _explain(error: ValidationError) -> list[SchemaError]:
    path = tuple(error.absolute_path)
    if error.validator == "oneOf":
        branches = error.validator_value
        if any(b.get("format") == "date-time" for b in branches if isinstance(b, dict)):
            return [SchemaError(path, f"{error.instance!r} is not a date: {DATE_HINT}.")]
        if all(set(b) == {"required"} for b in branches) and isinstance(error.instance, dict):
            # The grant-level oneOf: explain with the branch for the kind of recipient given.
            wanted = (
                "recipientIndividual" if "recipientIndividual" in error.instance else None
            ) or "recipientOrganization"
            for branch in branches:
                if wanted in branch["required"]:
                    missing = [f for f in branch["required"] if f not in error.instance]
                    if missing:
                        return [SchemaError((*path, f), "is missing.") for f in missing]
            both = "recipientOrganization" in error.instance and wanted == "recipientIndividual"
            if both:
                return [SchemaError(path, "give a recipient organisation or individual, not both.")]
    if error.validator == "required":
        field = error.message.split("'")[1] if "'" in error.message else ""
        return [SchemaError((*path, field), "is missing.")]
    if error.validator == "enum":
        shown = repr(error.instance)
        return [SchemaError(path, f"{shown} is not in the 360Giving codelist for this field.")]
    return [SchemaError(path, error.message)]


def schema_errors(package) -> list[SchemaError]:
    """Every way `package` breaks the 360Giving package schema, in document order."""
    errors = []
    for error in package_validator().iter_errors(package):
        errors.extend(_explain(error))
    return sorted(errors, key=lambda e: tuple((str(type(p)), p) for p in e.path))
