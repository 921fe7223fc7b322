"""The API's readable reference, read from its OpenAPI schema: areas, their endpoints,
each endpoint's parameters and the fields it takes and gives. Plain data, no Django, so
the page (api/docs.html) is server-rendered GOV.UK markup that works without script."""

from __future__ import annotations

from dataclasses import dataclass, field

METHODS = ("get", "post", "put", "patch", "delete")


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    required: bool
    description: str
    values: tuple[str, ...] = ()  # the choices of an enum


@dataclass
class Endpoint:
    method: str
    path: str
    anchor: str
    description: str
    parameters: list[Field] = field(default_factory=list)
    takes: list[Field] = field(default_factory=list)
    gives: list[Field] = field(default_factory=list)
    gives_list: bool = False  # a page of rows: count, next, previous, results


@dataclass
class Area:
    name: str
    anchor: str
    endpoints: list[Endpoint] = field(default_factory=list)


def areas(schema: dict) -> list[Area]:
    """The schema's operations grouped by tag, in the order the tags first appear."""
    components = schema.get("components", {}).get("schemas", {})
    found: dict[str, Area] = {}
    for path, operations in schema.get("paths", {}).items():
        for method in METHODS:
            operation = operations.get(method)
            if operation is None:
                continue
            name = (operation.get("tags") or ["Other"])[0]
            area = found.setdefault(name, Area(name, _anchor(name)))
            area.endpoints.append(_endpoint(method, path, operation, components))
    return list(found.values())


def _endpoint(method: str, path: str, operation: dict, components: dict) -> Endpoint:
    endpoint = Endpoint(
        method=method.upper(),
        path=path,
        anchor=operation.get("operationId") or _anchor(f"{method} {path}"),
        description=operation.get("description", "").strip(),
    )
    endpoint.parameters = [
        _field(p["name"], p.get("schema", {}), p.get("required", False), p.get("description"))
        for p in sorted(
            operation.get("parameters", []), key=lambda p: (p["in"] != "path", p["name"])
        )
    ]
    body = _json(operation.get("requestBody", {}))
    if body:
        endpoint.takes = _fields(_resolve(body, components), components)
    for status in sorted(operation.get("responses", {})):
        if not status.startswith("2"):
            continue
        answer = _resolve(_json(operation["responses"][status]), components)
        results = answer.get("properties", {}).get("results")
        if results and results.get("type") == "array":
            endpoint.gives_list = True
            answer = _resolve(results["items"], components)
        endpoint.gives = _fields(answer, components)
        break
    return endpoint


def _json(part: dict) -> dict:
    return part.get("content", {}).get("application/json", {}).get("schema", {})


def _resolve(schema: dict, components: dict) -> dict:
    while "$ref" in schema:
        schema = components.get(schema["$ref"].rsplit("/", 1)[-1], {})
    if "allOf" in schema and len(schema["allOf"]) == 1:
        return _resolve(schema["allOf"][0], components)
    return schema


def _fields(schema: dict, components: dict) -> list[Field]:
    required = set(schema.get("required", ()))
    return [
        _field(name, _resolve(part, components) | _own(part), name in required, None)
        for name, part in schema.get("properties", {}).items()
    ]


def _own(part: dict) -> dict:
    """What a property says beside its $ref (read-only, nullable, its description)."""
    return {k: v for k, v in part.items() if k not in ("$ref", "allOf")}


def _field(name: str, schema: dict, required: bool, description: str | None) -> Field:
    values = tuple(str(v) for v in schema.get("enum", ()) if v not in ("", None))
    text = description if description is not None else schema.get("description", "")
    if values and text.lstrip().startswith("* `"):
        text = ""  # drf-spectacular's list of choices: shown as values instead
    return Field(name, _type(schema), required, (text or "").strip(), values)


def _type(schema: dict) -> str:
    kind = schema.get("type") or ("choice" if "enum" in schema else "object")
    if kind == "array":
        kind = f"list of {_type(schema.get('items', {}))}"
    elif schema.get("format"):
        kind = f"{kind} ({schema['format']})"
    if schema.get("readOnly"):
        kind += ", read-only"
    if schema.get("nullable"):
        kind += ", may be null"
    return kind


def _anchor(text: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in text.lower()).strip("-")
